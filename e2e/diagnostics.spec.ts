import { expect, fetchApi, signIn, stack, test } from './fixtures'

test('diagnostics show each API’s token lifetime and the renewals, never a token', async ({
  page,
}) => {
  await signIn(page)
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Diagnostics' })
    .click()

  const tokens = page.getByRole('table', {
    name: 'Access tokens held by this tab (values redacted)',
  })
  await expect(tokens.getByRole('row', { name: /^demo / })).toContainText(/\d+ s/)
  await expect(tokens.getByRole('row', { name: /^notes / })).toContainText('no token yet')

  await fetchApi(page, '/me')
  await page.evaluate(() => window.tesseraDiagnostics?.fetchApi('notes', '/notes'))

  await expect(page.getByRole('list', { name: 'Auth events' })).toContainText(
    'token-renewed api=notes',
  )
  await expect(tokens.getByRole('row', { name: /^notes / })).toContainText(/\d+ s/)
  expect(await page.locator('body').innerText()).not.toMatch(/eyJ[\w-]+\.[\w-]+/)
})

test('the sign-in debugger works signed out: what to register, and what discovery says', async ({
  page,
  provider,
}) => {
  await page.goto('/diagnostics')

  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostics' })).toBeVisible()
  const register = page.getByRole('region', { name: 'Register at your provider' })
  await expect(register).toContainText(`${stack.appOrigin}/auth/callback`)
  const discovery = page.getByRole('region', { name: 'Provider', exact: true })
  await expect(discovery).toContainText(stack.issuer)
  await expect(discovery).toContainText('accepted')
  await expect(page.getByRole('region', { name: 'Last failure' })).toContainText('None')
  expect(provider.authorizeRequests()).toBe(0)
})

test('after a failed sign-in, the alert leads to the debugger, which names the failure and copies a report', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/')
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('alert')).toContainText('access_denied')

  await page.getByRole('link', { name: 'Open the sign-in debugger' }).click()

  const failure = page.getByRole('region', { name: 'Last failure' })
  await expect(failure).toContainText('provider_error')
  await expect(failure).toContainText('access_denied: The user cancelled the sign-in.')
  await page.getByRole('button', { name: 'Copy report' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Report copied.' })).toBeVisible()
  const report = await page.evaluate(() => navigator.clipboard.readText())
  expect(report).toContain(`redirect URI:             ${stack.appOrigin}/auth/callback`)
  expect(report).toContain('[provider_error]')
})

test('signed in, the debugger shows each access token’s audience and scopes, never the token', async ({
  page,
}) => {
  await signIn(page)
  await fetchApi(page, '/me')

  await page.goto('/diagnostics')

  const claims = page.getByRole('region', { name: 'Access token claims' })
  await expect(claims).toContainText(`aud "${stack.apiUrl}"`)
  await expect(claims).toContainText('api:read')
  expect(await page.locator('body').innerText()).not.toMatch(/eyJ[\w-]+\.[\w-]+/)
  const report = await page.getByLabel('Report (tokens redacted)').inputValue()
  expect(report).not.toMatch(/eyJ[\w-]+\.[\w-]+/)
})
