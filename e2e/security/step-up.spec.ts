/**
 * Step-up against a hostile API (SEC-41): an API that asks for a stronger sign-in on every
 * attempt, naming no requirement, must cost the user one sign-in and one replay of their
 * write, then an alert: never a loop of silent sign-ins that sends the write again each round.
 */
import type { Request } from '@playwright/test'

import {
  alice,
  expect,
  expectSignedIn,
  signInAtProvider,
  signInFrom,
  stack,
  test,
} from './support/hostile'

test('SEC-41 an API that always asks for a stronger sign-in gets one sign-in, one replay, then an alert', async ({
  page,
  hostile,
  traffic,
}) => {
  const deletes: Request[] = []
  page.on('request', (request) => {
    if (request.method() === 'DELETE' && request.url().startsWith(`${stack.apiUrl}/tasks/`)) {
      deletes.push(request)
    }
  })
  await signInFrom(page)
  await expectSignedIn(page)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click()
  const title = `Hostile step-up ${String(Date.now())}`
  await page.getByLabel('New task').fill(title)
  await page.getByRole('button', { name: 'Add task' }).click()
  await expect(page.getByRole('list', { name: 'Tasks' }).getByText(title)).toBeVisible()
  await hostile.setApi({ challengeWrites: { error: 'insufficient_user_authentication' } })
  const signInsBefore = traffic.authorizeRequests().length

  await page.getByRole('button', { name: `Delete ${title}` }).click()
  // An empty challenge asks for a fresh authentication: the provider shows its form again.
  await signInAtProvider(page, alice)

  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Still not allowed after signing in again')
  await expect(alert).toContainText('step_up_refused')
  const stepUps = traffic.authorizeRequests().slice(signInsBefore)
  expect(stepUps).toHaveLength(1)
  expect(new URL(stepUps[0]?.url() ?? '').searchParams.get('max_age')).toBe('0')
  expect(deletes).toHaveLength(2) // the refused write and its one replay
  await expect(page.getByRole('list', { name: 'Tasks' }).getByText(title)).toBeVisible()
})
