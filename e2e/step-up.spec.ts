import type { Response } from '@playwright/test'

import { ACR_SECOND_FACTOR } from '../dev/config'
import {
  addTask,
  confirmSecondFactor,
  expect,
  signIn,
  signInAtProvider,
  stack,
  test,
} from './fixtures'
import { signOut } from './support/account'

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

test('SEC-42 a step-up abandoned at the provider is never replayed by a later sign-in', async ({
  page,
  context,
}) => {
  const deletes: number[] = []
  context.on('response', (response) => {
    const request = response.request()
    if (request.method() === 'DELETE' && request.url().startsWith(`${stack.apiUrl}/tasks/`)) {
      deletes.push(response.status())
    }
  })
  await signIn(page)
  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('link', { name: 'Tasks' }).click()
  const title = `Keep this one ${String(Date.now())}`
  await addTask(page, title)

  await page.getByRole('button', { name: `Delete ${title}` }).click()
  await expect(page.getByRole('heading', { name: 'Confirm it’s you' })).toBeVisible()
  // The user changes their mind at the provider and goes back to the app.
  await page.goBack()
  await expect(page.getByRole('list', { name: 'Tasks' }).getByText(title)).toBeVisible()
  // Later, they sign out and in again in the same tab.
  await signOut(page)
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page)
  await nav.getByRole('link', { name: 'Tasks' }).click()

  await expect(page.getByRole('list', { name: 'Tasks' }).getByText(title)).toBeVisible()
  expect(deletes).toEqual([401])
})
