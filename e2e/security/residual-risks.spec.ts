/**
 * SEC-40: two things docs/decisions/0005-residual-risk.md accepts, shown to be exactly as
 * written, so the record cannot drift from the code: the ID token leaves in a URL, as
 * `id_token_hint` to the provider only; and every page of the app's origin, another app's
 * included, can have the whole session from a signed-in tab over the BroadcastChannel.
 */
import type { Page } from '@playwright/test'

import { expect, expectSignedIn, signInFrom, stack, test } from './support/hostile'
import { signOut } from '../support/account'

interface StoredSession {
  readonly idToken: string
  readonly refreshToken?: string
  readonly accessTokens: Record<string, { readonly token: string }>
}

/** The session this tab keeps in sessionStorage (exactly one). */
async function storedSession(page: Page): Promise<StoredSession> {
  const raw = await page.evaluate(() =>
    Object.keys(sessionStorage)
      .filter((key) => key.startsWith('tessera.session:'))
      .map((key) => sessionStorage.getItem(key) ?? ''),
  )
  expect(raw).toHaveLength(1)
  return JSON.parse(raw[0] ?? '') as StoredSession
}

test('SEC-40 the ID token leaves in a URL only as id_token_hint, to the provider', async ({
  page,
  request,
  traffic,
}) => {
  const discovery = (await (
    await request.get(`${stack.issuer}/.well-known/openid-configuration`)
  ).json()) as { end_session_endpoint: string }
  await signInFrom(page, '/')
  await expectSignedIn(page)
  const session = await storedSession(page)
  expect(session.refreshToken).toEqual(expect.any(String))
  const otherTokens = [
    ...Object.values(session.accessTokens).map((entry) => entry.token),
    session.refreshToken ?? 'a refresh token',
  ]
  expect(otherTokens.length).toBeGreaterThanOrEqual(2)

  await signOut(page)
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign in' })).toBeVisible()

  const urls = traffic.requests.map((sent) => sent.url())
  for (const url of urls) {
    for (const token of otherTokens) expect(url, 'an access or refresh token').not.toContain(token)
  }
  // RP-Initiated Logout 1.0 §2: the sign-out navigation names the session to end.
  const withIdToken = urls.filter((url) => url.includes(session.idToken))
  expect(withIdToken).toHaveLength(1)
  const endSession = new URL(withIdToken[0] ?? '')
  expect(`${endSession.origin}${endSession.pathname}`).toBe(discovery.end_session_endpoint)
  expect(endSession.searchParams.get('id_token_hint')).toBe(session.idToken)
})

test('SEC-40 another app’s page on the same origin can ask a signed-in tab for its session', async ({
  page,
  context,
  request,
}) => {
  const config = (await (await request.get('/config.json')).json()) as {
    authority: string
    clientId: string
  }
  await signInFrom(page, '/')
  await expectSignedIn(page)
  const session = await storedSession(page)

  // Any page of the origin: here a plain one, standing in for another app deployed beside
  // Tessera (another GitHub Pages project site of the same user, say).
  await context.route(`${stack.appOrigin}/another-app/`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Another app</title>' }),
  )
  const sibling = await context.newPage()
  await sibling.goto('/another-app/')
  const received = await sibling.evaluate(async (name) => {
    const channel = new BroadcastChannel(name)
    const answer = new Promise<unknown>((resolve) => {
      channel.onmessage = (event: MessageEvent<{ type?: string; session?: unknown }>) => {
        if (event.data.type === 'session') resolve(event.data.session)
      }
    })
    channel.postMessage({ type: 'request-session', since: 0 })
    return answer
  }, `tessera:${config.authority}|${config.clientId}`)

  expect(received).toMatchObject({
    idToken: session.idToken,
    refreshToken: session.refreshToken,
    accessTokens: session.accessTokens,
  })
})
