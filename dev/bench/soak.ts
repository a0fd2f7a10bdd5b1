/**
 * Soak: three tabs of one session query both APIs every 1–2 s, in real time, against a stack
 * whose access tokens live 30 s, so renewals happen often and tabs collide around expiry.
 */
import { setTimeout as sleep } from 'node:timers/promises'

import type { Browser, BrowserContext, Page } from '@playwright/test'

import { devStack, type DemoUser, type DevStack } from '../config'
import { startStack } from '../stack'
import { deepLinkLogin, fetchInTab, openSibling } from './browser-steps'
import { recover, type SoakEvent, SoakLog, watch } from './soak-watch'
import { type GrantSummary, type TokenRequest, TokenTraffic } from './token-traffic'

/** The soak's own stack, beside the bench's (98x0) and a developer's `npm start`. */
const SOAK_ENV = {
  TESSERA_IDP_PORT: '9850',
  TESSERA_API_PORT: '9851',
  TESSERA_NOTES_API_PORT: '9852',
  TESSERA_APP_PORT: '9860',
  TESSERA_ACCESS_TOKEN_TTL: '30',
  TESSERA_DIAGNOSTICS: '1',
}
const TABS = 3
const CALLS: readonly (readonly [api: string, path: string])[] = [
  ['demo', '/me'],
  ['notes', '/notes'],
]

export interface SoakGrant {
  readonly atMs: number
  readonly tab: number
  readonly api: string
  /** Which refresh token was redeemed: the same number twice means reuse. */
  readonly generation: number | undefined
  readonly status: number | undefined
  readonly error: string | undefined
  readonly ms: number | undefined
}

export interface SoakReport extends GrantSummary {
  readonly seconds: number
  readonly accessTokenTtlSeconds: number
  readonly tabs: number
  readonly calls: number
  readonly failedCalls: number
  /**
   * Provider `/auth` navigations the app started after the first sign-in, plus alerts shown
   * (each tab's alert counts).
   */
  readonly forcedSignIns: number
  readonly providerNavigations: number
  readonly alerts: number
  /**
   * Refresh grants during which another tab called the same API (from 20 ms before the grant
   * until 25 ms after its answer): those calls found an expired token and had to wait for the
   * renewing tab instead of sending a grant of their own.
   */
  readonly contendedRenewals: number
  /** API answers ≥ 400 (a 401 makes the app renew and retry once). */
  readonly apiErrorAnswers: number
  readonly events: readonly SoakEvent[]
  readonly grants: readonly SoakGrant[]
}

export async function soak(browser: Browser, dist: string, seconds: number): Promise<SoakReport> {
  const stack = devStack({ ...process.env, ...SOAK_ENV })
  const user = stack.users[0]
  if (!user) throw new Error('dev/config.ts has no demo user')
  const running = await startStack(stack, { mode: 'dist', root: dist })
  const context = await browser.newContext()
  try {
    return await soakIn(context, stack, user, seconds)
  } finally {
    await context.close()
    await running.close()
  }
}

async function soakIn(
  context: BrowserContext,
  stack: DevStack,
  user: DemoUser,
  seconds: number,
): Promise<SoakReport> {
  const tabs: Page[] = []
  const traffic = new TokenTraffic(context, stack, tabs)
  const log = new SoakLog(() => traffic.elapsed())
  let armed = false
  await watch(context, stack, tabs, log, () => armed)

  const first = await context.newPage()
  tabs.push(first)
  await deepLinkLogin(first, stack, user)
  armed = true
  while (tabs.length < TABS) tabs.push(await openSibling(first, user))

  const deadline = performance.now() + seconds * 1000
  await Promise.all(tabs.map((tab, index) => tabLoop(tab, index, deadline, stack, user, log)))
  await settled(traffic)

  const apiOf = (resource: string | undefined) =>
    resource === stack.apiUrl ? 'demo' : resource === stack.notesApiUrl ? 'notes' : String(resource)
  const contended = (g: TokenRequest) =>
    log.callStarts.some(
      (c) =>
        c.tab !== g.tab &&
        c.api === apiOf(g.resource) &&
        c.atMs >= g.sentMs - 20 &&
        c.atMs <= (g.doneMs ?? g.sentMs) + 25,
    )
  return {
    seconds,
    accessTokenTtlSeconds: stack.lifetimes.accessToken,
    tabs: tabs.length,
    calls: log.calls,
    failedCalls: log.failedCalls,
    forcedSignIns: log.providerNavigations + log.alerts,
    providerNavigations: log.providerNavigations,
    alerts: log.alerts,
    contendedRenewals: traffic.refreshGrants().filter(contended).length,
    apiErrorAnswers: log.apiErrorAnswers,
    ...traffic.summary(),
    events: log.events,
    grants: traffic.refreshGrants().map((g) => ({
      atMs: Math.round(g.sentMs),
      tab: g.tab,
      api: apiOf(g.resource),
      generation: g.generation,
      status: g.status,
      error: g.error,
      ms: g.doneMs === undefined ? undefined : Math.round(g.doneMs - g.sentMs),
    })),
  }
}

async function tabLoop(
  tab: Page,
  index: number,
  deadline: number,
  stack: DevStack,
  user: DemoUser,
  log: SoakLog,
): Promise<void> {
  await sleep(Math.random() * 1000)
  while (performance.now() < deadline) {
    const outcomes = await Promise.all(
      CALLS.map(async ([api, path]) => {
        log.started(index, api)
        return { api, outcome: (await fetchInTab(tab, api, path))[0] }
      }),
    )
    let failed = false
    for (const { api, outcome } of outcomes) {
      if (outcome?.ok !== false) continue
      failed = true
      log.failedCalls++
      log.note(index, `${api} call failed: ${outcome.error}`)
    }
    const shown = (await tab.getByRole('alert').count()) > 0
    if (failed || shown) await recover(tab, index, stack, user, log)
    await sleep(1000 + Math.random() * 1000)
  }
}

/** Waits (up to 5 s) until every token request has its answer. */
async function settled(traffic: TokenTraffic): Promise<void> {
  for (let i = 0; i < 50 && traffic.requests.some((r) => r.doneMs === undefined); i++) {
    await sleep(100)
  }
}
