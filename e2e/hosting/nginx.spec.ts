/**
 * Issue 6: the same build served by a real nginx with the hosting kit's server block
 * (dev/hosting/), under the sub-path /portal/, with the kit's CSP enforced by the browser.
 */
import { expect, signInAtProvider, test } from '../fixtures'
import { watchPolicyViolations } from '../support/policy-violations'
import { accountButton, signOut } from '../support/account'

function connectSrc(policy: string | undefined): string[] {
  const directive = (policy ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith('connect-src '))
  return directive?.split(/\s+/).slice(1) ?? []
}

test('signs in, calls the API and signs out under /portal/ with the CSP enforced', async ({
  page,
  stack,
}) => {
  const violations = await watchPolicyViolations(page, stack.appOrigin)

  const home = await page.goto('./')
  const policy = home?.headers()['content-security-policy']
  expect(new Set(connectSrc(policy))).toEqual(
    new Set(["'self'", stack.issuer, stack.apiUrl, stack.notesApiUrl]),
  )
  expect(policy).toContain("frame-ancestors 'none'")
  expect(policy).toContain("require-trusted-types-for 'script'")
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/)

  const banner = page.getByRole('banner')
  await banner.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  await expect(accountButton(page)).toBeVisible()
  // The provider sent us back to the redirect URI under the sub-path, and the app to its home
  // (React Router writes the basename without its trailing slash).
  expect(new URL(page.url()).pathname).toMatch(/^\/portal\/?$/)

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click()
  await expect(page).toHaveURL(/\/portal\/tasks$/)
  const title = `Serve it from nginx ${String(Date.now())}`
  await page.getByLabel('New task').fill(title)
  await page.getByRole('button', { name: 'Add task' }).click()
  const list = page.getByRole('list', { name: 'Tasks' })
  await expect(list.getByText(title)).toBeVisible()

  // A deep link is answered by the SPA fallback, and index.html still finds its assets.
  await page.reload()
  await expect(list.getByText(title)).toBeVisible()

  await signOut(page)
  await expect(banner.getByRole('button', { name: 'Sign in' })).toBeVisible()
  // The registered post_logout_redirect_uri, under the sub-path.
  expect(new URL(page.url()).pathname).toBe('/portal/')

  expect(violations).toEqual([])
})

test('caches hashed assets forever, never documents or config.json, and serves only /portal/', async ({
  request,
}) => {
  const config = await request.get('config.json')
  expect(config.status()).toBe(200)
  expect(config.headers()['cache-control']).toBe('no-store')

  const deepLink = await request.get('auth/callback')
  expect(deepLink.status()).toBe(200)
  expect(deepLink.headers()['cache-control']).toBe('no-store')
  expect(deepLink.headers()['x-frame-options']).toBe('DENY')
  expect(deepLink.headers()['referrer-policy']).toBe('no-referrer')
  expect(deepLink.headers()['cross-origin-opener-policy']).toBe('same-origin')
  expect(deepLink.headers()['x-content-type-options']).toBe('nosniff')
  const html = await deepLink.text()
  const script = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/.exec(html)?.[1]
  expect(script).toMatch(/^\/portal\/assets\/index-[\w-]+\.js$/)

  const asset = await request.get(script ?? '')
  expect(asset.status()).toBe(200)
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable')

  const missing = await request.get('assets/index-missing.js')
  expect(missing.status()).toBe(404)
  expect(missing.headers()['cache-control']).toBeUndefined()

  const bare = await request.get('/portal', { maxRedirects: 0 })
  expect(bare.status()).toBe(301)
  expect(bare.headers().location).toBe('/portal/')
  expect((await request.get('/')).status()).toBe(404)
})

test('SEC-45 sends HSTS, without preload, with every kind of response below /portal/', async ({
  request,
}) => {
  const html = await (await request.get('./')).text()
  const script = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/.exec(html)?.[1] ?? ''
  for (const path of ['./', 'tasks', 'config.json', 'silent-callback.html', script]) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(200)
    expect(response.headers()['strict-transport-security'], path).toBe(
      'max-age=31536000; includeSubDomains',
    )
  }
})
