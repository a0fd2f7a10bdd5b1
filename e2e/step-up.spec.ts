import type { Response } from '@playwright/test'

import { ACR_SECOND_FACTOR } from '../dev/config'
import { addTask, confirmSecondFactor, expect, signIn, stack, test } from './fixtures'

test('a delete that needs a second factor steps up, comes back and is replayed once', async ({
  page,
  context,
}) => {
  const deletes: Response[] = []
  context.on('response', (response) => {
    const request = response.request()
    if (request.method() === 'DELETE' && request.url().startsWith(`${stack.apiUrl}/tasks/`)) {
      deletes.push(response)
    }
  })
  await signIn(page)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click()
  const title = `Shred old contracts ${String(Date.now())}`
  await addTask(page, title)

  await page.getByRole('button', { name: `Delete ${title}` }).click()
  await confirmSecondFactor(page)

  await expect(page).toHaveURL(/\/tasks$/)
  await expect(page.getByRole('list', { name: 'Tasks' }).getByText(title)).toBeHidden()
  // The list may already come back without the task while the replay's answer is on its way.
  await expect.poll(() => deletes.map((response) => response.status())).toEqual([401, 204])
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Profile' })
    .click()
  await expect(page.getByRole('region', { name: 'ID token claims' })).toContainText(
    ACR_SECOND_FACTOR,
  )
  // Replayed exactly once: no second delete came later either.
  expect(deletes.map((response) => response.status())).toEqual([401, 204])
})
