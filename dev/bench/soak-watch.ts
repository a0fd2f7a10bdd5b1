/**
 * What the soak watches for in its tabs, i.e. what a user would notice: trips to the provider,
 * API errors, console errors; and how it signs a tab in again so the soak goes on.
 */
import type { BrowserContext, Page } from '@playwright/test'

import type { DemoUser, DevStack } from '../config'
import { login, signedInPage } from './browser-steps'
import { tabOf } from './token-traffic'

/** Events kept in the report (failures, alerts, API errors, console errors, …). */
const MAX_EVENTS = 100

export interface SoakEvent {
  /** ms since the soak context opened (the same origin as `grants[].atMs`). */
  readonly atMs: number
  readonly tab: number
  readonly what: string
}

export class SoakLog {
  readonly events: SoakEvent[] = []
  /** When each API call started, to find renewals other tabs ran into. */
  readonly callStarts: { readonly atMs: number; readonly tab: number; readonly api: string }[] = []
  calls = 0
  failedCalls = 0
  providerNavigations = 0
  alerts = 0
  apiErrorAnswers = 0
  /** Tabs the bench itself is signing in again: their navigations don't count. */
  readonly recovering = new Set<number>()
  private readonly clock: () => number

  constructor(clock: () => number) {
    this.clock = clock
  }

  started(tab: number, api: string): void {
    this.calls++
    this.callStarts.push({ atMs: this.clock(), tab, api })
  }

  note(tab: number, what: string): void {
    if (this.events.length < MAX_EVENTS) {
      this.events.push({ atMs: Math.round(this.clock()), tab, what })
    }
  }
}

/**
 * Reports each time a page starts showing a `role="alert"` element, however briefly. Idempotent
 * per document. A string, so tsx adds no helpers the page lacks.
 */
const ALERT_OBSERVER = `(() => {
  if (document.tesseraBenchObserved) return
  document.tesseraBenchObserved = true
  let shown = false
  const check = () => {
    const alert = document.querySelector('[role="alert"]')
    if (alert && !shown) window.tesseraBenchAlert(alert.innerText)
    shown = alert !== null
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true })
  check()
})()`

/**
 * Counts what the user would notice: trips to the provider, alerts, API errors, console errors.
 * Call before the context opens its first page.
 */
export async function watch(
  context: BrowserContext,
  stack: DevStack,
  tabs: readonly Page[],
  log: SoakLog,
  armed: () => boolean,
): Promise<void> {
  await context.exposeBinding('tesseraBenchAlert', ({ frame, page }, text: unknown) => {
    if (!frame.url().startsWith(`${stack.appOrigin}/`)) return
    log.alerts++
    log.note(tabs.indexOf(page), `alert: ${String(text).replace(/\s+/g, ' ')}`)
  })
  await context.addInitScript(ALERT_OBSERVER)
  // A tab from window.open keeps the window of its first (blank) document, where the init script
  // ran: observe each loaded document again.
  context.on('page', (page) => {
    page.on('domcontentloaded', () => {
      page.evaluate(ALERT_OBSERVER).catch(() => undefined)
    })
  })
  context.on('request', (request) => {
    if (!armed() || !request.isNavigationRequest()) return
    const url = new URL(request.url())
    const tab = tabOf(request, tabs)
    if (url.origin !== stack.issuer || url.pathname !== '/auth' || log.recovering.has(tab)) return
    log.providerNavigations++
    log.note(tab, 'the app navigated to the provider /auth')
  })
  context.on('response', (response) => {
    const url = response.url()
    const isApi = url.startsWith(`${stack.apiUrl}/`) || url.startsWith(`${stack.notesApiUrl}/`)
    if (!isApi || response.status() < 400) return
    log.apiErrorAnswers++
    log.note(tabOf(response.request(), tabs), `${url} answered ${String(response.status())}`)
  })
  context.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return
    const page = message.page()
    log.note(
      page ? tabs.indexOf(page) : -1,
      `console.${message.type()}: ${message.text().slice(0, 300)}`,
    )
  })
}

/** Signs a tab in again so the soak goes on after a failure (counted already). */
export async function recover(
  tab: Page,
  index: number,
  stack: DevStack,
  user: DemoUser,
  log: SoakLog,
): Promise<void> {
  log.recovering.add(index)
  try {
    const onProvider = () => new URL(tab.url()).origin === stack.issuer
    const signIn = tab.getByRole('alert').getByRole('button', { name: 'Sign in' })
    if (!onProvider() && (await signIn.count()) > 0) {
      // The alert goes away by itself when the tab adopts a sibling's new session.
      await signIn.click({ timeout: 5_000 }).catch(() => 0)
      await Promise.race([
        tab.waitForURL((url) => url.origin === stack.issuer, { timeout: 10_000 }).catch(() => 0),
        signedInPage(tab, user, 10_000).catch(() => 0),
      ])
    }
    if (onProvider()) {
      // With a live provider session the provider may send the tab straight back.
      await tab
        .getByLabel('Username')
        .or(tab.getByRole('banner').getByText(user.name))
        .first()
        .waitFor({ timeout: 10_000 })
      if (onProvider()) await login(tab, user)
    }
    await signedInPage(tab, user, 10_000)
    log.note(index, 'recovered: the tab is signed in again')
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n', 1)[0] : String(error)
    log.note(index, `recovery failed: ${message ?? ''}`)
  } finally {
    log.recovering.delete(index)
  }
}
