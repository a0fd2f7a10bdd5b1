/**
 * Soak: three tabs of one session, in real time, against a stack whose access tokens live 30 s
 * (BENCH_SOAK_TOKEN_TTL), so renewals happen often and tabs collide around expiry. Every 1–3 s
 * each tab does what users do: query both APIs, reload, open another page, or give way to a
 * new tab opened on a protected page (empty sessionStorage: it must get the session from its
 * siblings, not the provider). With BENCH_CPU_LOAD, busy loops compete for every core.
 */
import { spawn } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'

import type { Browser, BrowserContext, Page } from '@playwright/test'

import { devStack, type DemoUser, type DevStack } from '../config'
import { startStack } from '../stack'
import { deepLinkLogin, fetchInTab, openSibling, signedInPage } from './browser-steps'
import { recover, type SoakEvent, SoakLog, watch } from './soak-watch'
import { type GrantSummary, type TokenRequest, TokenTraffic } from './token-traffic'

/** The soak's own stack, beside the bench's (98x0) and a developer's `npm start`. */
const SOAK_ENV = {
  TESSERA_IDP_PORT: '9850',
  TESSERA_API_PORT: '9851',
  TESSERA_NOTES_API_PORT: '9852',
  TESSERA_APP_PORT: '9860',
  TESSERA_ACCESS_TOKEN_TTL: process.env.BENCH_SOAK_TOKEN_TTL ?? '30',
  TESSERA_DIAGNOSTICS: '1',
}
const TABS = 3
const CALLS: readonly (readonly [api: string, path: string])[] = [
  ['demo', '/me'],
  ['notes', '/notes'],
]
/** Pages a tab reloads or opens; each shows what its API answered. */
const PAGES = ['/profile', '/notes', '/tasks'] as const
/** What a tab does next, by weight: mostly API calls, now and then a page load or a new tab. */
const ACTIONS = ['calls', 'calls', 'calls', 'reload', 'navigate', 'navigate', 'new-tab'] as const
type Action = (typeof ACTIONS)[number]

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
  /** Page loads the tabs did: reloads, navigations to another page, new tabs. */
  readonly pageLoads: {
    readonly reload: number
    readonly navigate: number
    readonly newTab: number
  }
  /** Busy loops competing for the CPU during the soak (BENCH_CPU_LOAD). */
  readonly cpuLoad: number
  readonly events: readonly SoakEvent[]
  readonly grants: readonly SoakGrant[]
}

export async function soak(
  browser: Browser,
  dist: string,
  seconds: number,
  cpuLoad = 0,
): Promise<SoakReport> {
  const stack = devStack({ ...process.env, ...SOAK_ENV })
  const user = stack.users[0]
  if (!user) throw new Error('dev/config.ts has no demo user')
  const running = await startStack(stack, { mode: 'dist', root: dist })
  const context = await browser.newContext()
  const load = busyLoops(cpuLoad)
  try {
    return { ...(await soakIn(context, stack, user, seconds)), cpuLoad }
  } finally {
    load.stop()
    await context.close()
    await running.close()
  }
}

/** `count` processes that spin until stopped: a machine whose every core is busy. */
function busyLoops(count: number): { stop(): void } {
  const loops = Array.from({ length: count }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  )
  return {
    stop: () => {
      for (const loop of loops) loop.kill('SIGKILL')
    },
  }
}

async function soakIn(
  context: BrowserContext,
  stack: DevStack,
  user: DemoUser,
  seconds: number,
): Promise<Omit<SoakReport, 'cpuLoad'>> {
  const tabs: Page[] = []
  const pageLoads = { reload: 0, navigate: 0, newTab: 0 }
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
  const churn = { tabs, pageLoads, context }
  await Promise.all(tabs.map((_, index) => tabLoop(churn, index, deadline, stack, user, log)))
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
    pageLoads,
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

interface Churn {
  /** The soak's tabs by slot: a new tab takes the slot of the one it replaces. */
  readonly tabs: Page[]
  readonly pageLoads: { reload: number; navigate: number; newTab: number }
  readonly context: BrowserContext
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T
}

async function tabLoop(
  churn: Churn,
  index: number,
  deadline: number,
  stack: DevStack,
  user: DemoUser,
  log: SoakLog,
): Promise<void> {
  await sleep(Math.random() * 1000)
  while (performance.now() < deadline) {
    const action: Action = pick(ACTIONS)
    const failed = await act(action, churn, index, stack, user, log)
    const tab = churn.tabs[index]
    if (!tab) return
    const shown = (await tab.getByRole('alert').count()) > 0
    if (failed || shown) await recover(tab, index, stack, user, log)
    await sleep(1000 + Math.random() * 2000)
  }
}

/** Does `action` in the tab at `index`; resolves whether something failed (already logged). */
async function act(
  action: Action,
  churn: Churn,
  index: number,
  stack: DevStack,
  user: DemoUser,
  log: SoakLog,
): Promise<boolean> {
  const tab = churn.tabs[index]
  if (!tab) return false
  if (action === 'calls') {
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
    return failed
  }
  try {
    if (action === 'reload') {
      churn.pageLoads.reload++
      await tab.reload()
    } else if (action === 'navigate') {
      churn.pageLoads.navigate++
      await tab.goto(`${stack.appOrigin}${pick(PAGES)}`)
    } else {
      // A new tab on a protected page: its sessionStorage is empty.
      churn.pageLoads.newTab++
      const fresh = await churn.context.newPage()
      churn.tabs[index] = fresh
      await tab.close()
      await fresh.goto(`${stack.appOrigin}${pick(PAGES)}`)
    }
    await signedInPage(churn.tabs[index] ?? tab, user)
    return false
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n', 1)[0] : String(error)
    log.note(index, `${action} failed: ${message ?? ''}`)
    return true
  }
}

/** Waits (up to 5 s) until every token request has its answer. */
async function settled(traffic: TokenTraffic): Promise<void> {
  for (let i = 0; i < 50 && traffic.requests.some((r) => r.doneMs === undefined); i++) {
    await sleep(100)
  }
}
