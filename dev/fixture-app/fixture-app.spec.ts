import { alice, expect, signInAtProvider, test } from '../../e2e/fixtures'
import { accountButton } from '../../e2e/support/account'

test('a team’s own route table: one page on one API under its own name, and no example', async ({
  page,
}) => {
  await page.goto('/catalog')
  await signInAtProvider(page, alice)

  await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Your catalog account' })).toContainText(alice.name)
  await expect(accountButton(page)).toBeVisible()
  const navigation = page.getByRole('navigation', { name: 'Main' })
  await expect(navigation.getByRole('link')).toHaveText(['Home', 'Catalog', 'Diagnostics'])
  await page.goto('/tasks')
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
})
