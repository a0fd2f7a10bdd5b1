import { expect, fetchApi, signIn, test } from './fixtures'

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
