import type { Page } from '@playwright/test'

import { alice, expect, signInAtProvider, stack, test } from './fixtures'

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

test('an API the pages call but config.json lacks is a configuration error, naming the page and the key', async ({
  page,
}) => {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  const deployed = (await (await page.request.get('/config.json')).json()) as {
    apis: Record<string, unknown>
  }
  const { notes: _notes, ...apis } = deployed.apis
  await page.route('**/config.json', (route) => route.fulfill({ json: { ...deployed, apis } }))

  await page.goto('/profile')

  await expect(page.getByRole('alert')).toContainText('config_invalid')
  const problems = page.getByRole('list', { name: 'Problems in config.json' })
  await expect(problems).toContainText('apis.notes')
  await expect(problems).toContainText('/notes (Notes)')
  expect(errors.join('\n')).toContain('apis.notes')
  await expect(page.getByRole('main')).not.toContainText('connection')
})

test('SEC-12 a sign-in response leaves the address bar even when config.json fails to load', async ({
  page,
}) => {
  await page.route('**/config.json', (route) => route.fulfill({ status: 404, body: '' }))

  await page.goto('/auth/callback?code=a-real-code&state=its-state')

  await expect(page.getByRole('alert')).toContainText('config.json')
  expect(page.url()).not.toContain('code=')
  expect(page.url()).not.toContain('state=')
})

test.describe('a deploy that changes config.json', () => {
  // The host's CSP follows the config.json it serves; this test deploys a new one in the
  // browser only (page.route), so the old CSP would refuse the API's new origin.
  test.use({ bypassCSP: true })

  test('SEC-44 after a deploy moves an API, a signed-in reload sends no token to its old origin', async ({
    page,
    context,
  }) => {
    const answer = await signInOnProfile(page)
    const deployed = (await (await page.request.get('/config.json')).json()) as {
      apis: Record<string, { baseUrl: string }>
    }
    const oldOrigin = new URL(stack.apiUrl).origin
    const newOrigin = `http://localhost:${String(stack.apiPort)}` // the same API, moved
    const moved = {
      ...deployed,
      apis: { ...deployed.apis, demo: { ...deployed.apis.demo, baseUrl: newOrigin } },
    }
    await page.route('**/config.json', (route) => route.fulfill({ json: moved }))
    const bearers: string[] = []
    context.on('request', (request) => {
      void request.headerValue('authorization').then((value) => {
        if (value !== null) bearers.push(new URL(request.url()).origin)
      })
    })

    await page.reload()

    await expect(answer).toContainText(alice.name)
    expect(bearers).toContain(newOrigin)
    expect(bearers).not.toContain(oldOrigin)
  })
})
