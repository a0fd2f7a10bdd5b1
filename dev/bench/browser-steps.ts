/** What a user (or the bench) does in a tab: log in at the provider, open tabs, call APIs. */
import type { Locator, Page } from '@playwright/test'

import type { DemoUser, DevStack } from '../config'

/*
 * The bench finds elements by CSS selector, as a plain script would: it times the app, and
 * Playwright's accessible-name locators (which the e2e tests use on purpose) cost it 20–100 ms
 * per flow.
 */

/** Fills the local provider's login form (the tab is on its page). */
export async function login(page: Page, user: DemoUser): Promise<void> {
  await page.fill('#username', user.username)
  await page.fill('#password', user.password)
  await page.click('form[action$="/login"] button[type=submit]')
}

/** Where /profile shows the demo API's answer (in Tessera and in the bench's peer). */
export const API_ANSWER_REGION = '[aria-labelledby="api-heading"]'

/** The user's name as the demo API reported it on /profile. */
export function apiName(page: Page, user: DemoUser): Locator {
  return page.locator(API_ANSWER_REGION, { hasText: user.name })
}

/** Waits until the page shows the signed-in user (the banner's account controls). */
export async function signedInPage(tab: Page, user: DemoUser, timeout = 15_000): Promise<void> {
  await tab.getByRole('banner').getByText(user.name).waitFor({ timeout })
}

/** Signed out, opens /profile, logs in and waits for the API's answer. */
export async function deepLinkLogin(page: Page, stack: DevStack, user: DemoUser): Promise<void> {
  await page.goto(`${stack.appOrigin}/profile`)
  await login(page, user)
  await apiName(page, user).waitFor()
}

/** Opens `path` with `window.open`, so the new tab starts with a copy of this tab's storage. */
export async function openSibling(page: Page, user: DemoUser, path = '/profile'): Promise<Page> {
  const [popup] = await Promise.all([
    page.context().waitForEvent('page'),
    page.evaluate((p) => {
      window.open(p)
    }, path),
  ])
  await apiName(popup, user).waitFor()
  return popup
}

/** A fake-clock jump that is past the access token's lifetime (whole minutes, plus one). */
export function pastExpiry(stack: DevStack): string {
  return `${String(Math.ceil(stack.lifetimes.accessToken / 60) + 1)}:00`
}

export type CallOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string }

/**
 * Fires `count` calls at once through `window.tesseraDiagnostics.fetchApi` (the app's real
 * token path). Never rejects: a call that throws, times out or loses its page is a failure.
 */
export async function fetchInTab(
  page: Page,
  api: string,
  path: string,
  count = 1,
  timeoutMs = 20_000,
): Promise<CallOutcome[]> {
  try {
    return await page.evaluate(
      // No named functions in here: tsx would wrap them in a `__name` helper the page lacks.
      async (args) => {
        const diagnostics = window.tesseraDiagnostics
        const settled = await Promise.allSettled(
          Array.from({ length: args.count }, async () => {
            if (!diagnostics) throw new Error('no window.tesseraDiagnostics on this page')
            return Promise.race([
              diagnostics.fetchApi(args.api, args.path),
              new Promise<never>((_, reject) =>
                setTimeout(() => {
                  reject(new Error(`no answer in ${String(args.timeoutMs)} ms`))
                }, args.timeoutMs),
              ),
            ])
          }),
        )
        return settled.map((s): CallOutcome => {
          if (s.status === 'fulfilled') return { ok: true }
          const reason: unknown = s.reason
          if (!(reason instanceof Error)) return { ok: false, error: JSON.stringify(reason) }
          const code =
            'code' in reason && typeof reason.code === 'string' ? ` [${reason.code}]` : ''
          return { ok: false, error: `${reason.name}${code}: ${reason.message}` }
        })
      },
      { api, path, count, timeoutMs },
    )
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n', 1)[0] : JSON.stringify(error)
    return Array.from({ length: count }, () => ({ ok: false, error: `page: ${message ?? ''}` }))
  }
}

/** What shows that someone is signed in: Tessera's account menu button, or a peer's "Sign out". */
export function signedInButton(page: Page): Locator {
  return page.getByRole('banner').getByRole('button', { name: /^(Sign out|Account: .+)$/ })
}

/** Signs out from the header: through Tessera's account menu, or a peer's "Sign out" button. */
export async function signOutOfApp(page: Page): Promise<void> {
  const banner = page.getByRole('banner')
  const menu = banner.getByRole('button', { name: /^Account: / })
  if ((await menu.count()) > 0) await menu.click()
  await banner.getByRole('button', { name: 'Sign out' }).click()
}
