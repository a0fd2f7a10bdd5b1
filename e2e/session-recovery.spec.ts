import {
  alice,
  endProviderSession,
  expect,
  signIn,
  signInAtProvider,
  test,
  pastExpiry,
} from './fixtures'

test('offline: no renewal is attempted, and everything resumes online', async ({
  page,
  context,
  provider,
}) => {
  await context.clock.install()
  await signIn(page)
  await context.clock.fastForward(pastExpiry)
  await context.setOffline(true)

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Profile' })
    .click()

  await expect(page.getByRole('status')).toContainText('You are offline')
  expect(provider.grants('refresh_token')).toBe(0)
  await context.setOffline(false)
  await expect(page.getByRole('region', { name: 'From the demo API' })).toContainText(alice.name)
  expect(provider.grants('refresh_token')).toBe(1)
})

test('a revoked session keeps the typed task through signing in again, and saves it once', async ({
  page,
  context,
}) => {
  await context.clock.install()
  await signIn(page)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click()
  await expect(page.getByText('Loading your tasks', { exact: false })).toBeHidden()
  const title = `Call the plumber ${String(Date.now())}`
  await page.getByLabel('New task').fill(title)
  await endProviderSession(page)
  await context.clock.fastForward(pastExpiry)

  await page.getByRole('button', { name: 'Add task' }).click()

  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Please sign in again')
  await alert.getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  await expect(page).toHaveURL(/\/tasks$/)
  await expect(page.getByLabel('New task')).toHaveValue(title)
  await page.getByRole('button', { name: 'Add task' }).click()
  await expect(page.getByRole('list', { name: 'Tasks' }).getByText(title)).toHaveCount(1)
  await expect(page.getByLabel('New task')).toHaveValue('')
})
