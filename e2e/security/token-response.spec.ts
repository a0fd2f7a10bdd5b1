/**
 * SEC-14 and SEC-24: the token endpoint answers the code exchange with something unusable, an
 * error, or nothing at all. The code is redeemed for real; the hostile provider rewrites or
 * withholds the answer. The app must end in an alert with nothing stored, never hang or loop.
 */
import {
  alice,
  expect,
  expectSignedIn,
  expectSignInRefused,
  signInAtProvider,
  signInFrom,
  test,
} from './support/hostile'

test('SEC-14 rejects a token response whose token_type is not Bearer', async ({
  page,
  hostile,
  traffic,
}) => {
  await hostile.set({ tokenResponse: { fields: { token_type: 'mac' } } })

  await signInFrom(page)

  await expectSignInRefused(page, 'token_response_invalid')
  await expect(page.getByRole('alert')).toContainText('token_type "mac"')
  expect(await traffic.authorized()).toEqual([])
})

test('SEC-14 rejects a token response without an access token', async ({
  page,
  hostile,
  traffic,
}) => {
  await hostile.set({ tokenResponse: { fields: { access_token: null } } })

  await signInFrom(page)

  await expectSignInRefused(page, 'token_response_invalid')
  await expect(page.getByRole('alert')).toContainText('no access token')
  expect(await traffic.authorized()).toEqual([])
})

test('control: SEC-14 accepts token_type "bearer" in lower case and no expires_in', async ({
  page,
  hostile,
}) => {
  await hostile.set({ tokenResponse: { fields: { token_type: 'bearer', expires_in: null } } })

  await page.goto('/profile') // a protected page: the app starts the sign-in itself
  await signInAtProvider(page)

  await expectSignedIn(page)
  const api = page.getByRole('region', { name: 'From the demo API' })
  await expect(api).toContainText(alice.name)
})

test('SEC-24 a token endpoint failing with 500 ends in an alert, nothing stored', async ({
  page,
  hostile,
  traffic,
}) => {
  await hostile.set({
    tokenResponse: { status: 500, body: { error: 'server_error', error_description: 'down' } },
  })

  await signInFrom(page)

  await expectSignInRefused(page, 'token_request_failed')
  await expect(page.getByRole('alert')).toContainText('server_error')
  expect(traffic.grants('authorization_code')).toBe(1) // no retry loop on the same code
})

test('SEC-24 a token endpoint that never answers times out with an alert', async ({
  page,
  hostile,
  traffic,
}) => {
  await hostile.set({ tokenResponse: { hang: true } })

  await signInFrom(page)
  await expect(page.getByText('Signing you in…')).toBeVisible()

  // PROVIDER_TIMEOUT_MS (10 s) plus some slack: bounded, not pending for ever.
  await expect(page.getByRole('alert')).toContainText('timeout', { timeout: 15_000 })
  await expectSignInRefused(page, 'timeout')
  expect(traffic.grants('authorization_code')).toBe(1)
})
