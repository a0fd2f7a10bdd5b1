import type { Request } from '@playwright/test'

import { alice, expect, signInAtProvider, stack, test } from './fixtures'

test('one sign-in serves two APIs, each with its own access token', async ({
  page,
  context,
  provider,
}) => {
  const apiCalls: Request[] = []
  context.on('request', (request) => {
    if ([stack.apiUrl, stack.notesApiUrl].some((api) => request.url().startsWith(`${api}/`))) {
      apiCalls.push(request)
    }
  })
  await page.goto('/notes')
  await signInAtProvider(page)
  const text = `Book the train ${String(Date.now())}`

  await page.getByLabel('New note').fill(text)
  await page.getByRole('button', { name: 'Add note' }).click()
  await expect(page.getByRole('list', { name: 'Notes' }).getByText(text)).toBeVisible()
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Profile' })
    .click()
  await expect(page.getByRole('region', { name: 'From the demo API' })).toContainText(alice.name)

  const refreshes = provider.requests.filter(
    (r) => new URLSearchParams(r.postData() ?? '').get('grant_type') === 'refresh_token',
  )
  expect(refreshes.map((r) => new URLSearchParams(r.postData() ?? '').get('resource'))).toEqual([
    stack.notesApiUrl,
  ])
  const tokenFor = async (api: string) => {
    const calls = apiCalls.filter((r) => r.url().startsWith(`${api}/`) && r.method() !== 'OPTIONS')
    const headers = await Promise.all(calls.map((r) => r.headerValue('authorization')))
    return new Set(headers)
  }
  const demoTokens = await tokenFor(stack.apiUrl)
  const notesTokens = await tokenFor(stack.notesApiUrl)
  expect(demoTokens.size).toBe(1)
  expect(notesTokens.size).toBe(1)
  expect([...notesTokens][0]).not.toBe([...demoTokens][0])
})
