import { alice, expect, fetchApi, signIn, test, pastExpiry } from './fixtures'

test('a device clock 10 minutes slow changes nothing: sign-in, calls and one renewal', async ({
  page,
  context,
  provider,
}) => {
  await context.clock.install({ time: Date.now() - 10 * 60_000 })

  await signIn(page)
  await expect(fetchApi(page, '/me')).resolves.toMatchObject({ sub: alice.sub })
  expect(provider.grants('refresh_token')).toBe(0)

  await context.clock.fastForward(pastExpiry)
  await Promise.all([fetchApi(page, '/me'), fetchApi(page, '/me')])
  expect(provider.grants('refresh_token')).toBe(1)
})
