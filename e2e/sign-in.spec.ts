import { alice, expect, sessionKeys, signIn, signInAtProvider, test } from './fixtures'
import { accountButton, signOut } from './support/account'

test('signs in from the home page and shows the user', async ({ page, provider }) => {
  await signIn(page)

  await expect(page.getByRole('banner').getByText(alice.name)).toBeVisible()
  await expect(page.getByRole('heading', { name: `Welcome back, ${alice.name}` })).toBeVisible()
  expect(new URL(page.url()).search).toBe('')
  expect(provider.grants('authorization_code')).toBe(1)
  expect(await page.evaluate(() => localStorage.length)).toBe(0)
  expect(await sessionKeys(page)).toContain('tessera.session:tessera-spa')
})

test('a deep link signs in and comes back to it', async ({ page }) => {
  await page.goto('/profile?tab=claims')

  await signInAtProvider(page)

  await expect(page).toHaveURL(/\/profile\?tab=claims$/)
  const api = page.getByRole('region', { name: 'From the demo API' })
  await expect(api.getByText(alice.name)).toBeVisible()
  const claims = page.getByRole('region', { name: 'ID token claims' })
  await expect(claims.getByText(alice.sub, { exact: true })).toBeVisible()
  await expect(page.locator('body')).toHaveCSS('margin', '0px') // the app's styles apply
})

test('a reload keeps the session without contacting the provider', async ({ page, provider }) => {
  await page.goto('/profile')
  await signInAtProvider(page)
  await expect(page.getByRole('region', { name: 'From the demo API' })).toContainText(alice.name)
  const before = provider.count()

  await page.reload()

  await expect(page.getByRole('region', { name: 'From the demo API' })).toContainText(alice.name)
  await expect(page.locator('body')).toHaveCSS('margin', '0px')
  expect(provider.count()).toBe(before)
  expect(provider.authorizeRequests()).toBe(1)
})

test('cancelling at the provider explains it and stores nothing', async ({ page, provider }) => {
  await page.goto('/')
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click()

  await page.getByRole('button', { name: 'Cancel' }).click()

  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Sign-in failed')
  await expect(alert).toContainText('access_denied')
  await expect(alert.getByRole('button', { name: 'Sign in' })).toBeVisible()
  expect(new URL(page.url()).search).toBe('')
  expect(provider.grants('authorization_code')).toBe(0)
  expect(await sessionKeys(page)).not.toContain('tessera.session:tessera-spa')
})

test('retrying from the alert signs in', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('button', { name: 'Cancel' }).click()

  await page.getByRole('alert').getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)

  await expect(accountButton(page)).toBeVisible()
  await expect(page.getByRole('alert')).toBeHidden()
})

test('a replayed callback URL is refused without redeeming the code again', async ({
  page,
  provider,
}) => {
  let callbackUrl = ''
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url().includes('/auth/callback?')) {
      callbackUrl = frame.url()
    }
  })
  await signIn(page)
  expect(callbackUrl).toContain('code=')

  await page.goto(callbackUrl)

  await expect(page.getByRole('alert')).toContainText('callback_invalid')
  expect(provider.grants('authorization_code')).toBe(1)
  expect(new URL(page.url()).search).toBe('')
})

test('signing in again in the same browser session fetches neither discovery nor keys', async ({
  page,
  provider,
}) => {
  await signIn(page)
  await signOut(page)
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign in' })).toBeVisible()
  const before = provider.requests.length

  await signIn(page)

  const paths = provider.requests
    .slice(before)
    .map((r) => `${r.method()} ${new URL(r.url()).pathname}`)
  // The authorization request, the provider's own login steps (form, post, resume), the token.
  expect(paths).toEqual([
    'GET /auth',
    expect.stringMatching(/^GET \/interaction\//),
    expect.stringMatching(/^POST \/interaction\/.+\/login$/),
    expect.stringMatching(/^GET \/auth\//),
    'POST /token',
  ])
})
