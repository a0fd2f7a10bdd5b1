import type { Page } from '@playwright/test'

import { alice, expect, signInAtProvider, test } from './fixtures'

/** Signs in from a deep link to /profile; returns the region showing the API's answer. */
async function signInOnProfile(page: Page) {
  await page.goto('/profile')
  await signInAtProvider(page)
  const answer = page.getByRole('region', { name: 'From the demo API' })
  await expect(answer).toContainText(alice.name)
  return answer
}

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

test('a signed-in reload starts with the config.json this tab loaded, without waiting for the host', async ({
  page,
}) => {
  const answer = await signInOnProfile(page)
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route('**/config.json', async (route) => {
    await held
    await route.continue()
  })

  await page.reload({ waitUntil: 'commit' })

  try {
    await expect(answer).toContainText(alice.name)
  } finally {
    release()
  }
})

test('after a deploy changes config.json, a signed-in tab reloads once and runs with the new one', async ({
  page,
}) => {
  const answer = await signInOnProfile(page)
  expect(await page.evaluate(() => 'tesseraDiagnostics' in window)).toBe(true)
  const deployed = (await (await page.request.get('/config.json')).json()) as object
  await page.route('**/config.json', (route) =>
    route.fulfill({ json: { ...deployed, diagnostics: false } }),
  )
  let loads = 0
  page.on('load', () => {
    loads++
  })

  await page.reload()

  await expect.poll(() => loads).toBe(2)
  await expect(answer).toContainText(alice.name)
  expect(await page.evaluate(() => 'tesseraDiagnostics' in window)).toBe(false)
  await page.reload()
  await expect(answer).toContainText(alice.name)
  expect(loads).toBe(3)
})
