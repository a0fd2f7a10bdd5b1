import type { Page } from '@playwright/test'

import { changeConfig, expect, signIn, signInAtProvider, test } from './fixtures'

/**
 * Session end you can see coming (issue 19.4), against the local provider under Playwright's
 * clock: with `maxSessionAge`, a warning five minutes ahead, a countdown, and at zero a prompt to
 * sign in again that keeps what the user typed.
 */

const MAX_SESSION_AGE = 20 // minutes

async function openTasks(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click()
  await expect(page.getByText('Loading your tasks', { exact: false })).toBeHidden()
}

const warning = (page: Page) => page.getByRole('region', { name: /Your session ends at/ })

test.beforeEach(async ({ context }) => {
  await changeConfig(context, { maxSessionAge: MAX_SESSION_AGE })
  await context.clock.install()
})

test('warns five minutes ahead, counts down, and at zero asks to sign in again, keeping the draft', async ({
  page,
  context,
}) => {
  await signIn(page)
  await openTasks(page)
  await context.clock.fastForward('14:00')
  await expect(warning(page)).toBeHidden()

  await context.clock.fastForward('02:00') // 4 minutes left
  await expect(warning(page)).toBeVisible()
  await expect(warning(page)).toContainText('This app asks you to sign in again after 20 minutes.')
  await expect(warning(page).getByRole('timer')).toContainText(/Time left: [34]:\d\d/)
  // Announced once; the countdown itself stays quiet.
  await expect(warning(page).getByRole('alert')).not.toContainText('Time left')
  await page.getByLabel('New task').fill('Book the venue')

  await warning(page).getByRole('button', { name: 'Remind me in the last minute' }).click()
  await expect(warning(page)).toBeHidden()
  await context.clock.fastForward('03:10')
  await expect(warning(page)).toBeVisible()
  await expect(warning(page).getByRole('timer')).toContainText(/Time left: 0:\d\d/)

  await context.clock.fastForward('01:00')
  const prompt = page.getByRole('alert').filter({ hasText: 'Please sign in again' })
  await expect(prompt).toContainText('You have been signed in for as long as this app allows.')
  await expect(prompt).toContainText('kept')
  await expect(warning(page)).toBeHidden()
  await prompt.getByRole('button', { name: 'Sign in again' }).click()
  await signInAtProvider(page)
  await expect(page.getByLabel('New task')).toHaveValue('Book the venue')
  await expect(warning(page)).toBeHidden()
})

test('"Sign in again now" authenticates afresh and comes back to the page, with a new session', async ({
  page,
  context,
}) => {
  await signIn(page)
  await openTasks(page)
  await page.getByLabel('New task').fill('Call the printer')
  await context.clock.fastForward('17:00')

  await warning(page).getByRole('button', { name: 'Sign in again now' }).click()
  // prompt=login: the provider asks for the password although its session is still alive.
  await signInAtProvider(page)

  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible()
  await expect(page.getByLabel('New task')).toHaveValue('Call the printer')
  await expect(warning(page)).toBeHidden()
})
