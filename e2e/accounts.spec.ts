import { alice, bob, expect, signIn, signInAtProvider, test } from './fixtures'
import { accountButton } from './support/account'

test('switching accounts brings another user to the same page, with nothing of the last one', async ({
  page,
}) => {
  await signIn(page, alice)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click()
  const secret = `Alice's secret ${String(Date.now())}`
  await page.getByLabel('New task').fill(secret)
  await page.getByRole('button', { name: 'Add task' }).click()
  await expect(page.getByRole('list', { name: 'Tasks' }).getByText(secret)).toBeVisible()
  await page.getByLabel('New task').fill('Alice’s unsent draft')

  await accountButton(page).click()
  await expect(page.getByRole('banner')).toContainText(alice.email)
  await page.getByRole('button', { name: 'Switch account' }).click()
  await expect(page.getByRole('heading', { name: 'Choose an account' })).toBeVisible()
  await page.getByRole('button', { name: 'Use another account' }).click()
  await signInAtProvider(page, bob)

  await expect(page).toHaveURL(/\/tasks$/)
  await expect(accountButton(page)).toHaveAccessibleName(`Account: ${bob.name}`)
  await expect(page.getByText('Loading your tasks', { exact: false })).toBeHidden()
  await expect(page.getByRole('main')).not.toContainText(secret)
  await expect(page.getByLabel('New task')).toHaveValue('')
})

test('choosing the same account comes back signed in as before', async ({ page }) => {
  await signIn(page, alice)

  await accountButton(page).click()
  await page.getByRole('button', { name: 'Switch account' }).click()
  await page.getByRole('button', { name: `Continue as ${alice.name} (${alice.username})` }).click()

  await expect(accountButton(page)).toHaveAccessibleName(`Account: ${alice.name}`)
})
