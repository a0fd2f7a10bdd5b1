/**
 * `npm run bench`: sizes of the built app and the auth layer's share, provider round trips and
 * times for sign-in and reload, refresh grants under concurrency (one tab, then three), and a
 * real-time soak, measured in Chromium against the real local stack. A benchmark, not a test:
 * it reports, it does not judge.
 *
 * Environment:
 * - `BENCH_RUNS` (default 5): samples of each timed flow.
 * - `BENCH_SOAK_SECONDS` (default 300): how long the soak runs, in real time; 0 skips it. A quick
 *   local run: `BENCH_SOAK_SECONDS=30 BENCH_RUNS=2 npm run bench`.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { type Browser, chromium } from '@playwright/test'

import { devStack, type DevStack } from '../config'
import { REQUEST_LOG_PATH } from '../request-log'
import { startStack } from '../stack'
import { CHROMIUM_ARGS, findChromium } from '../../e2e/support/chromium'
import { measureBundle } from './bundle-size'
import {
  clickSignIn,
  concurrentExpiredCalls,
  type DeepLinkSample,
  deepLinkSignIn,
  type FlowSample,
  signedInReload,
  signInAgain,
  tokenAccessMicros,
} from './flows'
import { multiTabExpiredCalls } from './multi-tab'
import { type BenchResult, markdown, stats } from './report'
import { soak } from './soak'

function wholeNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name]
  const value = raw === undefined || raw === '' ? fallback : Number(raw)
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number ≥ ${String(min)}, got "${String(raw)}"`)
  }
  return value
}

const RUNS = wholeNumber('BENCH_RUNS', 5, 1)
const SOAK_SECONDS = wholeNumber('BENCH_SOAK_SECONDS', 300, 0)
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const DIST = `${ROOT}dist`

/** Everything measured on the bench's main stack (access tokens live 600 s). */
async function measureFlows(browser: Browser) {
  const stack = devStack({
    ...process.env,
    TESSERA_IDP_PORT: '9800',
    TESSERA_API_PORT: '9801',
    TESSERA_NOTES_API_PORT: '9802',
    TESSERA_APP_PORT: '9810',
    TESSERA_DIAGNOSTICS: '1',
  })
  const user = stack.users[0]
  if (!user) throw new Error('dev/config.ts has no demo user')
  const tokenAccess: number[] = []
  // The provider's request log (server side) shows CORS preflights, which the browser hides.
  process.env.TESSERA_DEV_ENDPOINTS = '1'
  const running = await startStack(stack, { mode: 'dist', root: DIST })
  try {
    const signIns: DeepLinkSample[] = []
    const reloads: Awaited<ReturnType<typeof signedInReload>>[] = []
    const againSignIns: FlowSample[] = []
    const clickSignIns: FlowSample[] = []
    for (let run = 0; run < RUNS; run++) {
      const signIn = await deepLinkSignIn(browser, stack, user)
      const { providerRequests, ms, leaveMs, callbackMs } = signIn
      signIns.push({ providerRequests, ms, leaveMs, callbackMs })
      reloads.push(await signedInReload(signIn.page, stack, user))
      againSignIns.push(await signInAgain(signIn.page, stack, user))
      await signIn.context.close()
      const click = await clickSignIn(browser, stack, user)
      clickSignIns.push({ providerRequests: click.providerRequests, ms: click.ms })
      if (run === RUNS - 1) tokenAccess.push(...(await tokenAccessMicros(click.page)))
      await click.context.close()
    }
    const preflights = await providerPreflights(stack)
    const concurrency = await concurrentExpiredCalls(browser, stack, user, 10)
    const multiTab = await multiTabExpiredCalls(browser, stack, user, { tabs: 3, calls: 50 })
    return {
      signIns,
      reloads,
      againSignIns,
      clickSignIns,
      preflights,
      tokenAccess,
      concurrency,
      multiTab,
    }
  } finally {
    await running.close()
  }
}

/** OPTIONS requests the provider received (CORS preflights), from its request log. */
async function providerPreflights(stack: DevStack): Promise<number> {
  const response = await fetch(`${stack.issuer}${REQUEST_LOG_PATH}`)
  const log = (await response.json()) as { method: string }[]
  return log.filter((entry) => entry.method === 'OPTIONS').length
}

async function main(): Promise<void> {
  const bundle = measureBundle(DIST)
  const executablePath = findChromium()
  const browser = await chromium.launch({
    args: CHROMIUM_ARGS,
    ...(executablePath ? { executablePath } : {}),
  })
  try {
    const flows = await measureFlows(browser)
    const { signIns, reloads, concurrency, multiTab } = flows
    if (SOAK_SECONDS > 0) console.log(`Soak: ${String(SOAK_SECONDS)} s (BENCH_SOAK_SECONDS)…`)
    const soakReport = SOAK_SECONDS > 0 ? await soak(browser, DIST, SOAK_SECONDS) : null

    const result: BenchResult = {
      date: new Date().toISOString(),
      runs: RUNS,
      soakSeconds: SOAK_SECONDS,
      bundle,
      deepLinkSignIn: {
        providerRequests: stats(signIns.map((s) => s.providerRequests)),
        ms: stats(signIns.map((s) => s.ms)),
        leaveMs: stats(signIns.map((s) => s.leaveMs)),
        callbackMs: stats(signIns.map((s) => s.callbackMs)),
      },
      clickSignIn: {
        providerRequests: stats(flows.clickSignIns.map((s) => s.providerRequests)),
        ms: stats(flows.clickSignIns.map((s) => s.ms)),
      },
      signInAgain: {
        providerRequests: stats(flows.againSignIns.map((s) => s.providerRequests)),
        ms: stats(flows.againSignIns.map((s) => s.ms)),
      },
      tokenRequestPreflights: flows.preflights,
      tokenAccessMicros: stats(flows.tokenAccess),
      signedInReload: {
        providerRequests: stats(reloads.map((s) => s.providerRequests)),
        ms: stats(reloads.map((s) => s.ms)),
        navigationToApiRequestMs: stats(reloads.map((s) => s.navigationToApiRequestMs)),
        answerInDomMs: stats(reloads.map((s) => s.answerInDomMs)),
      },
      concurrentExpiredCalls: { calls: 10, ...concurrency },
      multiTabExpiredCalls: multiTab,
      soak: soakReport,
    }

    console.log(markdown(result))
    mkdirSync(`${ROOT}dev/bench/results`, { recursive: true })
    writeFileSync(`${ROOT}dev/bench/results/latest.json`, `${JSON.stringify(result, null, 2)}\n`)
    console.log('Wrote dev/bench/results/latest.json')
  } finally {
    await browser.close()
  }
}

await main()
