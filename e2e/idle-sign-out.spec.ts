import type { Page } from '@playwright/test'

import {
  alice,
  expect,
  sessionKeys,
  signIn,
  signInAtProvider,
  test,
  changeConfig,
} from './fixtures'

/**
 * Idle sign-out (config.json `idleTimeout`), with Playwright's clock: `fastForward` is a lid
 * closed and opened later (due timers fire once, late), `runFor` time passing awake.
 */

const IDLE = { idleTimeout: 2, idleWarning: 60 }
const REASON = 'You were signed out after 2 minutes without activity.'

const warningIn = (page: Page) => page.getByRole('alertdialog', { name: 'Are you still there?' })

/** The seconds the warning's countdown shows. */
async function secondsLeft(page: Page): Promise<number> {
  const text = await warningIn(page).getByText('signed out in').innerText()
  return Number(/in (\d+) seconds?\.$/.exec(text)?.[1])
}

/** Opens another tab of the app on `path`; it takes the session from the signed-in tab. */
async function openTab(page: Page, path: string): Promise<Page> {
  const tab = await page.context().newPage()
  await tab.goto(path)
  await expect(tab.getByRole('banner').getByText(alice.name)).toBeVisible()
  return tab
}

test('activity in one tab keeps every tab signed in; without it both warn, one tab can keep both, and at zero both sign out and say why', async ({
  page,
  context,
  provider,
}) => {
  await context.clock.install()
  await changeConfig(context, IDLE)
  await signIn(page)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click()
  await page.getByLabel('New task').fill('Call the bank') // a draft, to be forgotten
  const other = await openTab(page, '/profile')

  // The user moves on to the other tab: two minutes and twenty seconds on, this one was never
  // touched again.
  await context.clock.fastForward('00:50')
  await other.mouse.move(40, 40)
  await other.mouse.move(80, 120)
  await context.clock.fastForward('01:30')

  await expect(warningIn(page)).toBeVisible()
  await expect(warningIn(other)).toBeVisible()
  // Counting down to a minute after the other tab's activity, not to this tab's (long past).
  await expect(warningIn(page)).toHaveAccessibleDescription(/signed out in \d+ seconds\.$/)
  expect(await secondsLeft(page)).toBeGreaterThan(20)
  await expect(warningIn(page).getByRole('button', { name: 'Stay signed in' })).toBeFocused()
  // Keyboard only, in the other tab: focus stays in the dialog, Enter stays signed in.
  await other.keyboard.press('Tab')
  await expect(warningIn(other).getByRole('button', { name: 'Sign out' })).toBeFocused()
  await other.keyboard.press('Shift+Tab')
  await other.keyboard.press('Enter')
  await expect(warningIn(page)).toBeHidden()
  await expect(warningIn(other)).toBeHidden()

  // Nobody comes back: warned again a minute later, then the countdown runs out.
  await context.clock.fastForward('01:05')
  await expect(warningIn(page)).toBeVisible()
  await expect(warningIn(other)).toBeVisible()
  expect(await secondsLeft(other)).toBeGreaterThan(45)
  await context.clock.runFor('00:56')

  for (const tab of [page, other]) {
    const alert = tab.getByRole('alert')
    await expect(alert, `the tab at ${tab.url()}`).toContainText(REASON)
    await expect(alert).toContainText('idle_timeout')
    await expect(alert.getByRole('button', { name: 'Sign in again' })).toBeFocused()
    expect(await sessionKeys(tab)).not.toContain('tessera.session:tessera-spa')
  }
  // One tab ended the provider session (the other only cleared itself)...
  expect(provider.count((r) => new URL(r.url()).pathname === '/session/end')).toBe(1)
  // ...so signing in again asks for the password, and the draft went with the session.
  await page.getByRole('button', { name: 'Sign in again' }).click()
  await signInAtProvider(page)
  await expect(page.getByRole('banner').getByText(alice.name)).toBeVisible()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click()
  await expect(page.getByLabel('New task')).toHaveValue('')
})

test('Escape stays signed in', async ({ page, context }) => {
  await context.clock.install()
  await changeConfig(context, IDLE)
  await signIn(page)
  await context.clock.fastForward('01:30')
  await expect(warningIn(page)).toBeVisible()

  await page.keyboard.press('Escape')

  await expect(warningIn(page)).toBeHidden()
  // Past the deadline Escape put off, still signed in: warned again a minute after it.
  await context.clock.fastForward('01:05')
  await expect(warningIn(page)).toBeVisible()
  expect(await secondsLeft(page)).toBeGreaterThan(45)
  await expect(page.getByRole('alert')).toBeHidden()
})

test('a tab asleep past the deadline signs out as soon as it wakes', async ({ page, context }) => {
  await context.clock.install()
  await changeConfig(context, IDLE)
  await signIn(page)

  await context.clock.fastForward('30:00')

  await expect(page.getByRole('alert')).toContainText(REASON)
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign in' })).toBeVisible()
})

test('a mistake in the idle keys is shown as a configuration error', async ({ page, context }) => {
  await changeConfig(context, { idleTimeout: 1, idleWarning: 90 })

  await page.goto('/')

  await expect(page.getByRole('alert')).toContainText('config.json needs fixing')
  const problems = page.getByRole('list', { name: 'Problems in config.json' })
  await expect(problems).toContainText('idleWarning')
  await expect(problems).toContainText('must be shorter than idleTimeout (60 seconds)')
})
