/**
 * The redirect that brings the authorization response back to the app is rewritten by the
 * hostile provider (SEC-05, SEC-08, SEC-09), or replayed into another browser (SEC-02). Every
 * rejection must happen before the code is redeemed: no token request at all (NO-TOKEN-CALL).
 */
import {
  Evil,
  EVIL_ORIGIN,
  expect,
  expectSignedIn,
  expectSignInRefused,
  signInFrom,
  stack,
  test,
} from './support/hostile'

test('SEC-09 rejects an authorization response whose iss names another issuer', async ({
  page,
  hostile,
  traffic,
}) => {
  await hostile.set({ authorizationResponse: { params: { iss: EVIL_ORIGIN } } })

  await signInFrom(page)

  await expectSignInRefused(page, 'issuer_mismatch')
  expect(traffic.grants('authorization_code')).toBe(0)
})

test('SEC-09 rejects an authorization response whose iss differs by a trailing slash', async ({
  page,
  hostile,
  traffic,
}) => {
  await hostile.set({ authorizationResponse: { params: { iss: `${stack.issuer}/` } } })

  await signInFrom(page)

  await expectSignInRefused(page, 'issuer_mismatch')
  expect(traffic.grants('authorization_code')).toBe(0)
})

test('SEC-09 rejects an authorization response without iss when discovery promises it', async ({
  page,
  hostile,
  traffic,
}) => {
  await hostile.set({
    discovery: { authorization_response_iss_parameter_supported: true },
    authorizationResponse: { params: { iss: null } },
  })

  await signInFrom(page)

  await expectSignInRefused(page, 'issuer_mismatch')
  expect(traffic.grants('authorization_code')).toBe(0)
})

test('control: a response without iss is accepted from a provider that does not promise it', async ({
  page,
  hostile,
  traffic,
}) => {
  await hostile.set({
    discovery: { authorization_response_iss_parameter_supported: null },
    authorizationResponse: { params: { iss: null } },
  })

  await signInFrom(page)

  await expectSignedIn(page)
  expect(traffic.grants('authorization_code')).toBe(1)
})

test('SEC-08 shows an error response as text with a retry, and stores nothing', async ({
  page,
  hostile,
  traffic,
}) => {
  const markup = '<img src=x onerror="window.tesseraPwned=1">'
  await hostile.set({
    authorizationResponse: {
      params: { code: null, error: 'access_denied', error_description: markup },
    },
  })
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })

  await signInFrom(page)

  await expectSignInRefused(page, 'provider_error')
  const alert = page.getByRole('alert')
  await expect(alert).toContainText(markup) // rendered as text, never as markup
  await expect(alert.getByRole('img')).toHaveCount(0)
  expect(await page.evaluate(() => 'tesseraPwned' in window)).toBe(false)
  expect(dialogs).toEqual([])
  expect(traffic.grants('authorization_code')).toBe(0)
  // No automatic retry: one authorization request, however long the alert is shown.
  expect(traffic.authorizeRequests()).toHaveLength(1)
})

test('SEC-05 ignores an implicit-style response with tokens in the fragment', async ({
  page,
  hostile,
  traffic,
}) => {
  const injected = 'hostile-access-token'
  await hostile.set({
    authorizationResponse: {
      params: { access_token: injected, token_type: 'Bearer', expires_in: '3600' },
      fragment: true,
    },
  })

  await signInFrom(page)

  const alert = page.getByRole('alert')
  await expect(alert).toContainText('callback_invalid')
  await expect(alert.getByRole('button', { name: 'Sign in' })).toBeVisible()
  expect(traffic.grants('authorization_code')).toBe(0)
  expect(await traffic.authorized()).toEqual([])
  const stored = await page.evaluate(() =>
    Object.keys(sessionStorage)
      .map((key) => `${key}=${sessionStorage.getItem(key) ?? ''}`)
      .join('\n'),
  )
  expect(stored).not.toContain(injected)
  expect(stored).not.toContain('tessera.session:')
})

test('SEC-02 refuses a callback whose state this tab never issued', async ({ page, traffic }) => {
  const forged = new URLSearchParams({ code: 'forged-code', state: 'forged-state' })
  forged.set('iss', stack.issuer)

  await page.goto(`/auth/callback?${forged.toString()}`)

  await expectSignInRefused(page, 'callback_invalid')
  expect(traffic.grants('authorization_code')).toBe(0)
})

test('SEC-02 refuses a genuine response replayed into another browser (login fixation)', async ({
  page,
  context,
  browser,
  hostile,
  traffic,
}) => {
  // The attacker gets hold of a genuine, unused response meant for the browser that started it.
  const evil = await Evil.install(context)
  await hostile.set({ authorizationResponse: { divertTo: `${EVIL_ORIGIN}/stolen` } })
  await signInFrom(page)
  await expect(page).toHaveURL(new RegExp(`^${EVIL_ORIGIN}/stolen\\?.*code=`))
  const stolen = new URL(evil.received[0] ?? '')
  const response = `${stack.appOrigin}/auth/callback${stolen.search}`

  // …and plants it in another browser.
  const other = await browser.newContext()
  const otherTraffic: string[] = []
  other.on('request', (request) => otherTraffic.push(`${request.method()} ${request.url()}`))
  const otherPage = await other.newPage()
  await otherPage.goto(response)

  await expectSignInRefused(otherPage, 'callback_invalid')
  expect(otherTraffic).not.toContainEqual(expect.stringContaining(`${stack.issuer}/token`))
  await other.close()

  // Control: the response was genuine; the tab that started the sign-in can complete it.
  await page.goto(response)
  await expectSignedIn(page)
  expect(traffic.grants('authorization_code')).toBe(1)
})

test('SEC-43 a crafted callback link shows none of its own text', async ({ page, traffic }) => {
  const text = 'Your account is locked. Call +1 555 0100'
  const forged = new URLSearchParams({ code: 'forged', state: 'forged', iss: text })
  const described = new URLSearchParams({
    error: 'access_denied',
    error_description: text,
    state: 'forged',
  })

  for (const params of [forged, described]) {
    await page.goto(`/auth/callback?${params.toString()}`)
    await expectSignInRefused(page, 'callback_invalid')
    await expect(page.getByRole('main')).not.toContainText('555')
  }
  expect(traffic.grants('authorization_code')).toBe(0)
})
