import type { Page } from '@playwright/test'

import { alice, expect, fetchApi, signIn, test, pastExpiry } from './fixtures'
import { signOut } from './support/account'

/** Opens the app in a tab that shares this one's sessionStorage copy, as window.open does. */
async function duplicate(page: Page, path = '/profile'): Promise<Page> {
  const [popup] = await Promise.all([
    page.context().waitForEvent('page'),
    page.evaluate((p) => window.open(p), path),
  ])
  await expect(popup.getByRole('banner').getByText(alice.name)).toBeVisible()
  return popup
}

test('three tabs and 50 concurrent calls after expiry send one refresh grant per rotation', async ({
  page,
  context,
  provider,
}) => {
  await context.clock.install()
  await signIn(page)
  const tabs = [page, await duplicate(page), await duplicate(page)]
  await context.clock.fastForward(pastExpiry)

  const answers = await Promise.all(
    Array.from({ length: 50 }, (_, i) => fetchApi(tabs[i % tabs.length] ?? page, '/me')),
  )

  const mine = answers.filter((a) => (a as { sub?: string }).sub === alice.sub)
  expect(mine).toHaveLength(50)
  expect(provider.grants('refresh_token')).toBe(1)

  // Every tab learned the rotated refresh token: the next rotation works from any of them.
  await context.clock.fastForward(pastExpiry)
  const later = await Promise.all(tabs.map((tab) => fetchApi(tab, '/me')))
  expect(later.every((a) => (a as { sub?: string }).sub === alice.sub)).toBe(true)
  expect(provider.grants('refresh_token')).toBe(2)
})

test('a new tab is signed in from a signed-in sibling without an authorize request', async ({
  page,
  context,
  provider,
}) => {
  await signIn(page)

  const fresh = await context.newPage()
  await fresh.goto('/profile')

  await expect(fresh.getByRole('region', { name: 'From the demo API' })).toContainText(alice.name)
  expect(provider.authorizeRequests()).toBe(1)
})

test('a new tab opened while the only signed-in tab reloads waits for it, not the provider', async ({
  page,
  context,
  provider,
}) => {
  await signIn(page)
  // The signed-in tab's next page is slow to start: no tab holds the session meanwhile.
  let started: () => void = () => undefined
  const slowStart = new Promise<void>((resolve) => {
    started = resolve
  })
  await page.route('**/config.json', async (route) => {
    await slowStart
    await route.continue()
  })
  const reloading = page.reload()
  await expect.poll(() => page.evaluate(() => 1).catch(() => 0)).toBe(0) // its page has gone

  const fresh = await context.newPage()
  await fresh.goto('/profile', { waitUntil: 'commit' })
  await fresh.waitForTimeout(1_000) // the new tab has looked for a sibling, and found none
  started()
  await reloading

  await expect(fresh.getByRole('region', { name: 'From the demo API' })).toContainText(alice.name)
  expect(provider.authorizeRequests()).toBe(1)
  // What the reloading tab left in localStorage: one time, nothing else.
  const note = await fresh.evaluate(() => Object.entries(localStorage))
  expect(note).toEqual([
    [expect.stringMatching(/^tessera-signed-in:/), expect.stringMatching(/^\d+$/)],
  ])
})

test('signing out in one tab signs out every tab', async ({ page, context }) => {
  await signIn(page)
  const other = await context.newPage()
  await other.goto('/profile')
  await expect(other.getByRole('banner').getByText(alice.name)).toBeVisible()

  await signOut(page)

  const alert = other.getByRole('alert')
  await expect(alert).toContainText('You signed out in another tab.')
  await expect(alert.getByRole('button', { name: 'Sign in' })).toBeVisible()
  expect(
    await other.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('tessera.'))),
  ).not.toContain('tessera.session:tessera-spa')
})

test('with no tab left open, a new tab signs in through the provider’s session, no password', async ({
  page,
  context,
  provider,
}) => {
  await signIn(page)
  await page.close()

  const fresh = await context.newPage()
  await fresh.goto('/profile')

  // The closed tab may have been reloading: the new one gives it 3 s to come back first.
  await expect(fresh.getByRole('region', { name: 'From the demo API' })).toContainText(alice.name, {
    timeout: 10_000,
  })
  expect(provider.authorizeRequests()).toBe(2)
  expect(provider.count((r) => r.method() === 'POST' && r.url().includes('/login'))).toBe(1)
})
