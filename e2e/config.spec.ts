import { expect, test } from './fixtures'

test('an invalid config.json is explained on the page and in the console', async ({ page }) => {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.route('**/config.json', (route) =>
    route.fulfill({
      json: { authority: 'http://idp.example.com', clientId: '', scopes: ['openid'], apis: {} },
    }),
  )

  await page.goto('/')

  await expect(page.getByRole('alert')).toContainText('config.json needs fixing')
  const problems = page.getByRole('list', { name: 'Problems in config.json' })
  await expect(problems).toContainText('authority')
  await expect(problems).toContainText('https')
  await expect(problems).toContainText('clientId')
  await expect(problems).toContainText('apis')
  expect(errors.join('\n')).toContain('config.json is invalid')
})
