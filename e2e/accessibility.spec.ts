import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

import {
  alice,
  changeConfig,
  endProviderSession,
  expect,
  pastExpiry,
  signIn,
  signInAtProvider,
  stack,
  test,
} from './fixtures'
import { accountButton } from './support/account'

/**
 * Every page and state of the app and of the dev provider, checked with axe-core (WCAG 2.2 A/AA
 * and best practices, which include colour contrast) in light and dark, on a desktop and on a
 * phone, where nothing may scroll sideways and the navigation must still work.
 */

// axe-core takes a second or two per page on a busy 2-core machine, and a test visits several.
test.describe.configure({ timeout: 60_000 })

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

/** axe-core's findings on the current page, one readable line per failing element. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary ?? ''}`,
    ),
  )
}

/** The page passes axe and fits the viewport's width (no sideways scrolling). */
async function expectAccessible(page: Page, state: string): Promise<void> {
  expect(await violations(page), `axe violations on ${state}`).toEqual([])
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  )
  expect(overflow, `${state} scrolls sideways`).toBeLessThanOrEqual(0)
}

/** Clicks a link of the main navigation and waits for that page's heading. */
async function openFromNavigation(page: Page, link: string, heading: string): Promise<void> {
  const navigation = page.getByRole('navigation', { name: 'Main' })
  await expect(navigation.getByRole('link', { name: link })).toBeInViewport()
  await navigation.getByRole('link', { name: link }).click()
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
}

const VIEWPORTS = [
  { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
  {
    name: 'phone',
    use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  },
] as const

for (const colorScheme of ['light', 'dark'] as const) {
  for (const { name: device, use } of VIEWPORTS) {
    test.describe(`${colorScheme}, ${device}`, () => {
      test.use({ ...use, colorScheme })

      test('signed-out pages, the provider’s login page and a sign-in error', async ({ page }) => {
        await page.goto('/')
        await expect(
          page.getByRole('heading', { level: 1, name: 'Welcome to Tessera' }),
        ).toBeVisible()
        await expectAccessible(page, 'home, signed out')

        await page.goto('/no-such-page')
        await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
        await expectAccessible(page, 'not found')

        await page.goto('/auth/callback')
        await expect(page.getByRole('alert')).toContainText('Nothing to complete')
        await expectAccessible(page, 'callback without a response')

        await page.goto('/')
        await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click()
        await expect(page.getByRole('heading', { name: 'Sign in to Tessera' })).toBeVisible()
        await expectAccessible(page, 'provider login')

        await page.getByLabel('Username').fill(alice.username)
        await page.getByLabel('Password').fill('not-the-password')
        await page.getByRole('button', { name: 'Sign in' }).click()
        await expect(page.getByRole('alert')).toContainText('Wrong username or password')
        await expectAccessible(page, 'provider login, wrong password')

        await page.getByRole('button', { name: 'Cancel' }).click()
        await expect(page.getByRole('alert')).toContainText('access_denied')
        await expectAccessible(page, 'sign-in error alert')

        await page.getByRole('link', { name: 'Open the sign-in debugger' }).click()
        await expect(page.getByRole('region', { name: 'Last failure' })).toContainText(
          'access_denied',
        )
        await expectAccessible(page, 'sign-in debugger after a failure')
      })

      test('signed-in pages, reached through the navigation', async ({ page }) => {
        await signIn(page)
        await expectAccessible(page, 'home, signed in')

        await accountButton(page).click()
        await expect(page.getByRole('button', { name: 'Switch account' })).toBeVisible()
        await expectAccessible(page, 'account menu open')
        await page.keyboard.press('Escape')

        await openFromNavigation(page, 'Profile', 'Profile')
        await expect(page.getByRole('region', { name: 'From the demo API' })).toContainText(
          alice.name,
        )
        await expectAccessible(page, 'profile')

        await openFromNavigation(page, 'Tasks', 'Tasks')
        // Tests share alice's task list: a title of its own per test.
        const task = `Water the plants (${colorScheme}, ${device}, ${String(Date.now())})`
        await page.getByLabel('New task').fill(task)
        await page.getByRole('button', { name: 'Add task' }).click()
        await expect(page.getByRole('list', { name: 'Tasks' })).toContainText(task)
        await expectAccessible(page, 'tasks with a task')

        await openFromNavigation(page, 'Notes', 'Notes')
        await expect(page.getByText('Loading your notes', { exact: false })).toBeHidden()
        await expectAccessible(page, 'notes')

        await openFromNavigation(page, 'Diagnostics', 'Diagnostics')
        await expectAccessible(page, 'diagnostics')
      })

      test('the provider’s second-factor page and a refused step-up', async ({ page }) => {
        await signIn(page)
        await openFromNavigation(page, 'Tasks', 'Tasks')
        const task = `Shred the drafts (${colorScheme}, ${device}, ${String(Date.now())})`
        await page.getByLabel('New task').fill(task)
        await page.getByRole('button', { name: 'Add task' }).click()
        await page.getByRole('button', { name: `Delete ${task}` }).click()
        await expect(page.getByRole('heading', { name: 'Confirm it’s you' })).toBeVisible()
        await expectAccessible(page, 'provider second factor')

        await page.getByRole('button', { name: 'Cancel' }).click()
        const refused = page.getByRole('alert')
        await expect(refused).toContainText('Could not confirm it’s you')
        await expect(refused).toContainText('access_denied')
        await expectAccessible(page, 'step-up refused')
        await refused.getByRole('button', { name: 'Continue' }).click()
        await expect(
          page.getByRole('heading', { level: 1, name: `Welcome back, ${alice.name}` }),
        ).toBeFocused()
      })

      test('the session-end warning', async ({ page, context }) => {
        await changeConfig(context, { maxSessionAge: 20 })
        await context.clock.install()
        await signIn(page)
        await context.clock.fastForward('16:00')

        await expect(page.getByRole('region', { name: /Your session ends at/ })).toBeVisible()
        await expectAccessible(page, 'session-end warning')
      })

      test('the idle sign-out warning, and the page that says why it signed out', async ({
        page,
        context,
      }) => {
        await context.clock.install()
        await changeConfig(context, { idleTimeout: 2, idleWarning: 60 })
        await signIn(page)

        await context.clock.fastForward('01:05')
        const warning = page.getByRole('alertdialog', { name: 'Are you still there?' })
        await expect(warning.getByRole('button', { name: 'Stay signed in' })).toBeFocused()
        await expectAccessible(page, 'idle warning')

        await context.clock.fastForward('01:00')
        const alert = page.getByRole('alert')
        await expect(alert).toContainText('without activity')
        await expect(alert.getByRole('button', { name: 'Sign in again' })).toBeFocused()
        await expectAccessible(page, 'signed out for inactivity')
      })

      test('the config error page', async ({ page }) => {
        await page.route('**/config.json', (route) =>
          route.fulfill({ contentType: 'application/json', body: '{ "authority": ' }),
        )

        await page.goto('/')

        await expect(page.getByRole('alert')).toContainText('config.json needs fixing')
        await expectAccessible(page, 'config error')
      })

      test('the provider’s sign-out and signed-out pages', async ({ page }) => {
        await signIn(page)
        await page.goto(`${stack.issuer}/session/end`)
        await expect(page.getByRole('heading', { name: 'Sign out' })).toBeVisible()
        await expectAccessible(page, 'provider sign-out question')

        await page.getByRole('button', { name: 'Sign out' }).click()
        await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible()
        await expectAccessible(page, 'provider signed out')
      })
    })
  }
}

test.describe('keyboard and screen readers', () => {
  test('a skip link leads to the content; a new page moves focus to its heading', async ({
    page,
  }) => {
    await signIn(page)
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 })).toContainText(alice.name)

    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to content' })
    await expect(skip).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('main')).toBeFocused()

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Tasks' })
      .click()
    await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeFocused()
    await expect(page).toHaveTitle('Tasks · Tessera')
  })

  test('an ended session prompts to sign in again, focused, and keeps the typed task', async ({
    page,
    context,
  }) => {
    await context.clock.install()
    await signIn(page)
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Tasks' })
      .click()
    await expect(page.getByText('Loading your tasks', { exact: false })).toBeHidden()
    await page.getByLabel('New task').fill('Renew the passport')
    await endProviderSession(page)
    await context.clock.fastForward(pastExpiry)

    await page.getByRole('button', { name: 'Add task' }).click()

    const prompt = page.getByRole('alert')
    await expect(prompt).toContainText('Please sign in again')
    await expect(prompt).toContainText('kept')
    await expect(prompt.getByRole('button', { name: 'Sign in again' })).toBeFocused()
    await expectAccessible(page, 'session expired')
    await prompt.getByRole('button', { name: 'Sign in again' }).click()
    await signInAtProvider(page)
    await expect(page.getByLabel('New task')).toHaveValue('Renew the passport')
  })
})
