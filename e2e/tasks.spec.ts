import { expect, signIn, test } from './fixtures'

test('adds a task and keeps it across a reload', async ({ page }) => {
  await signIn(page)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click()
  const title = `Write the release notes ${String(Date.now())}`

  await page.getByLabel('New task').fill(title)
  await page.getByRole('button', { name: 'Add task' }).click()

  const list = page.getByRole('list', { name: 'Tasks' })
  await expect(list.getByText(title)).toBeVisible()
  await expect(page.getByLabel('New task')).toHaveValue('')
  await page.reload()
  await expect(list.getByText(title)).toBeVisible()
})
