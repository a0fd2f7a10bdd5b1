/**
 * Several tabs of one session (opened with `window.open`, so they share a copy of the session)
 * call the demo API at once after the access token expired: one refresh grant should serve all
 * of them, and the rotated refresh token should reach every tab.
 */
import type { Browser, Page } from '@playwright/test'

import type { DemoUser, DevStack } from '../config'
import { deepLinkLogin, fetchInTab, openSibling, pastExpiry } from './browser-steps'
import { TokenTraffic } from './token-traffic'

export interface MultiTabResult {
  readonly tabs: number
  readonly calls: number
  readonly ok: number
  readonly refreshGrants: number
  /** Refresh grants the provider did not answer with 200 (reuse revokes the session). */
  readonly nonOkRefreshGrants: number
  /** Expired again: one call per tab, which needs the refresh token rotated in round one. */
  readonly secondRound: {
    readonly calls: number
    readonly ok: number
    readonly refreshGrants: number
  }
  /** First few failures, as the page saw them. */
  readonly errors: readonly string[]
}

/** Splits `calls` over `tabs` as evenly as possible and fires them all at once. */
async function fireAcross(tabs: readonly Page[], calls: number) {
  const share = (i: number) => Math.floor(calls / tabs.length) + (i < calls % tabs.length ? 1 : 0)
  const outcomes = await Promise.all(tabs.map((tab, i) => fetchInTab(tab, 'demo', '/me', share(i))))
  return outcomes.flat()
}

export async function multiTabExpiredCalls(
  browser: Browser,
  stack: DevStack,
  user: DemoUser,
  options: { readonly tabs: number; readonly calls: number },
): Promise<MultiTabResult> {
  const context = await browser.newContext()
  try {
    await context.clock.install()
    const first = await context.newPage()
    await deepLinkLogin(first, stack, user)
    const tabs = [first]
    while (tabs.length < options.tabs) tabs.push(await openSibling(first, user))
    const traffic = new TokenTraffic(context, stack, tabs)

    await context.clock.fastForward(pastExpiry(stack))
    const round1 = await fireAcross(tabs, options.calls)
    const first1 = traffic.summary()

    await context.clock.fastForward(pastExpiry(stack))
    const round2 = await fireAcross(tabs, tabs.length)
    const both = traffic.summary()

    return {
      tabs: tabs.length,
      calls: options.calls,
      ok: round1.filter((o) => o.ok).length,
      refreshGrants: first1.refreshGrants,
      nonOkRefreshGrants: both.nonOkRefreshGrants,
      secondRound: {
        calls: tabs.length,
        ok: round2.filter((o) => o.ok).length,
        refreshGrants: both.refreshGrants - first1.refreshGrants,
      },
      errors: [...round1, ...round2].flatMap((o) => (o.ok ? [] : [o.error])).slice(0, 5),
    }
  } finally {
    await context.close()
  }
}
