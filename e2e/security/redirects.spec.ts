/**
 * Where the browser goes around a sign-in: the code and state leave the address bar and the
 * history at once (SEC-11, SEC-12), and the place to come back to can never be another origin
 * (SEC-13), through the real flow: a deep link the app takes as its return path.
 */
import {
  Evil,
  EVIL_ORIGIN,
  expect,
  expectSignedIn,
  signInAtProvider,
  signInFrom,
  stack,
  test,
} from './support/hostile'

test('SEC-12 scrubs code and state from the address bar before the code is redeemed', async ({
  page,
  hostile,
  traffic,
}) => {
  // The provider takes its time answering, so the redemption is visibly in flight.
  await hostile.set({ tokenResponse: { delayMs: 2_000 } })

  await signInFrom(page)

  await expect(page.getByText('Signing you in…')).toBeVisible()
  await expect(page).toHaveURL(`${stack.appOrigin}/auth/callback`)
  expect(traffic.grants('authorization_code')).toBe(1)
  await expectSignedIn(page)
  await expect(page).toHaveURL(`${stack.appOrigin}/`)
})

test('SEC-11 SEC-12 the back button never returns to the code, nor redeems it again', async ({
  page,
  traffic,
}) => {
  const visited: string[] = []
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visited.push(frame.url())
  })
  await signInFrom(page)
  await expectSignedIn(page)
  const landed = visited.length

  await page.goBack() // the provider's (finished) login page
  await page.goBack() // the app before sign-in
  await expect(page).toHaveURL(`${stack.appOrigin}/`)
  await page.goForward()
  await page.goForward()

  await expectSignedIn(page)
  const afterSignIn = visited.slice(landed)
  expect(afterSignIn.length).toBeGreaterThanOrEqual(4)
  expect(afterSignIn.filter((url) => /[?#&](code|state)=/.test(url))).toEqual([])
  expect(traffic.grants('authorization_code')).toBe(1)
})

/** Paths the static host serves the app at, which read as another host if used as a URL. */
const offOrigin = ['//localhost:9666/', '/%2F%2Flocalhost:9666/', '//localhost:9666/profile?x=1#y']

for (const path of offOrigin) {
  test(`SEC-13 a sign-in started at ${path} comes back to this origin`, async ({
    page,
    context,
    traffic,
  }) => {
    const evil = await Evil.install(context)
    await page.goto(`${stack.appOrigin}${path}`)
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()

    await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click()
    await signInAtProvider(page)

    await expectSignedIn(page)
    await expect(page).toHaveURL(`${stack.appOrigin}/`)
    expect(evil.received).toEqual([])
    expect(traffic.to(EVIL_ORIGIN)).toEqual([])
  })
}
