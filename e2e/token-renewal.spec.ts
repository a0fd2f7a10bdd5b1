import { endProviderSession, expect, fetchApi, signIn, test, pastExpiry } from './fixtures'

test('ten concurrent calls with an expired token send one refresh grant, and the next refresh works', async ({
  page,
  provider,
}) => {
  await page.clock.install()
  await signIn(page)
  await page.clock.fastForward(pastExpiry)

  const answers = await Promise.all(Array.from({ length: 10 }, () => fetchApi(page, '/me')))

  for (const answer of answers) expect(answer).toMatchObject({ sub: 'user-alice' })
  expect(provider.grants('refresh_token')).toBe(1)

  await page.clock.fastForward(pastExpiry)
  await expect(fetchApi(page, '/me')).resolves.toMatchObject({ sub: 'user-alice' })
  expect(provider.grants('refresh_token')).toBe(2)
})

test('a revoked session asks to sign in again and returns to the same page', async ({
  page,
  provider,
}) => {
  await page.clock.install()
  await page.goto('/tasks')
  const { signInAtProvider } = await import('./fixtures')
  await signInAtProvider(page)
  await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible()
  await endProviderSession(page)
  await page.clock.fastForward(pastExpiry)

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Profile' })
    .click()

  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Please sign in again')
  await expect(alert).toContainText('interaction_required')
  await alert.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  await expect(page).toHaveURL(/\/profile$/)
  await expect(page.getByRole('region', { name: 'From the demo API' })).toContainText('Alice')
  expect(provider.grants('refresh_token')).toBe(1)
})
