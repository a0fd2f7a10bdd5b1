import { alice, expect, signIn, test } from '../fixtures'
import { B2C_TENANT } from '../../dev/profiles/entra/tenants'

test('signs in through a B2C user flow whose issuer differs from the authority', async ({
  page,
  provider,
  stack,
}) => {
  await signIn(page, alice)
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Profile' })
    .click()

  await expect(page.getByRole('region', { name: 'From the demo API' })).toContainText(alice.name)
  const claims = page.getByRole('region', { name: 'ID token claims' })
  await expect(claims).toContainText(`${stack.issuer}/${B2C_TENANT}/v2.0/`)
  await expect(claims).toContainText('B2C_1_signin')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }).click()
  await expect(page.getByText('No notes yet.')).toBeVisible()
  const discovery = provider.requests.find((r) => r.url().includes('/.well-known/'))
  expect(new URL(discovery?.url() ?? '').pathname).toBe(
    '/tessera.onmicrosoft.com/B2C_1_signin/v2.0/.well-known/openid-configuration',
  )
})
