import { expect, sessionKeys, signIn, test } from './fixtures'
import { signOut } from './support/account'

test('sign-out clears the tab and ends the provider session', async ({ page }) => {
  await signIn(page)

  await signOut(page)

  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign in' })).toBeVisible()
  expect(new URL(page.url()).pathname).toBe('/')
  expect(await sessionKeys(page)).not.toContain('tessera.session:tessera-spa')
  // The provider forgot us too: signing in again asks for credentials.
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in to Tessera' })).toBeVisible()
})
