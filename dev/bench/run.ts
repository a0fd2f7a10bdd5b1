/**
 * `npm run bench`: sizes of the built app and the auth layer's share, provider round trips and
 * times for sign-in and reload, measured alternately with the peer apps (dev/bench/peers/) and
 * charted into docs/bench-latest.svg; refresh grants under concurrency (one tab, then three),
 * and a real-time soak, measured in Chromium against the real local stack; then the deep-link
 * sign-in and the reload in Firefox and WebKit, where installed (dev/bench/engines.ts). A
 * benchmark, not a test: it reports, it does not judge (docs/performance.md).
 *
 * Environment:
 * - `BENCH_RUNS` (default 5): samples of each timed flow.
 * - `BENCH_SOAK_SECONDS` (default 300): how long the soak runs, in real time; 0 skips it. A quick
 *   local run: `BENCH_SOAK_SECONDS=30 BENCH_RUNS=2 npm run bench`.
 * - `BENCH_COMPARE` (a folder holding another build, e.g. a worktree's `dist/`): measures only
 *   the timed flows, of that build and of this one alternately, and prints them side by side
 *   with each flow's IQR and verdict (docs/performance.md).
 * - `BENCH_CPU_LOAD` (default 0): busy loops that compete for the CPU during the soak (one per
 *   core: `BENCH_CPU_LOAD=$(nproc)`), to show its outcome does not depend on timing.
 * - `BENCH_ONLY=soak`: only the soak (with sizes), e.g. to repeat it under load.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { type Browser, chromium } from '@playwright/test'

import { devStack, type DevStack, portsFrom } from '../config'
import { REQUEST_LOG_PATH } from '../request-log'
import { withProfile } from '../profiles'
import { startStack, type StartedStack } from '../stack'
import { CHROMIUM_ARGS, ensureChromium } from '../../e2e/support/chromium'
import { measureBundle } from './bundle-size'
import { benchChart } from './chart'
import { alternateRounds, compareBuilds } from './compare'
import { type EngineBench, measureEngines } from './engines'
import { concurrentExpiredCalls, tokenAccessMicros } from './flows'
import { multiTabExpiredCalls } from './multi-tab'
import {
  type BenchResult,
  type Comparison,
  comparisonMarkdown,
  flowStats,
  markdown,
  soakMarkdown,
  TIMED_FLOWS,
} from './report'
import { buildPeer, PEERS, peerFirstLoad } from './peers/build'
import { soak } from './soak'
import { stats } from './spread'

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
const CPU_LOAD = wholeNumber('BENCH_CPU_LOAD', 0, 0)
const ONLY_SOAK = process.env.BENCH_ONLY === 'soak'
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const DIST = `${ROOT}dist`
const PEERS_DIST = `${ROOT}dev/bench/results/peers`
const CHART = `${ROOT}docs/bench-latest.svg`

/**
 * A stack for the bench on ports from `firstPort` (access tokens live 600 s), its provider
 * playing `profile` (dev/profiles/).
 */
function benchStack(firstPort: number, profile = 'generic') {
  return devStack({
    ...process.env,
    ...portsFrom(firstPort),
    TESSERA_DIAGNOSTICS: '1',
    TESSERA_PROFILE: profile,
  })
}

/**
 * Everything measured on the bench's main stack, with every peer's timed flows (each on a stack
 * of its own) alternating with Tessera's, round by round.
 */
async function measureFlows(browser: Browser) {
  const stack = benchStack(9800)
  const user = stack.users[0]
  if (!user) throw new Error('dev/config.ts has no demo user')
  const peers = PEERS.map((peer, i) => ({
    peer,
    stack: withProfile(benchStack(9820 + 20 * i, peer.profile)),
    dist: `${PEERS_DIST}/${peer.folder}`,
  }))
  const tokenAccess: number[] = []
  for (const { peer, stack: peerStack, dist } of peers) await buildPeer(peer, peerStack, dist)
  // The provider's request log (server side) shows CORS preflights, which the browser hides.
  process.env.TESSERA_DEV_ENDPOINTS = '1'
  const running: StartedStack[] = []
  try {
    running.push(await startStack(stack, { mode: 'dist', root: DIST }))
    for (const peer of peers) {
      running.push(await startStack(peer.stack, { mode: 'dist', root: peer.dist }))
    }
    const [loadAtStart = 0] = loadavg()
    const [rounds = [], ...peerRounds] = await alternateRounds(
      browser,
      [
        {
          stack,
          whileSignedIn: async (page, run) => {
            if (run === RUNS - 1) tokenAccess.push(...(await tokenAccessMicros(page)))
          },
        },
        ...peers,
      ],
      RUNS,
    )
    const [loadAtEnd = 0] = loadavg()
    const preflights = await providerPreflights(stack)
    const concurrency = await concurrentExpiredCalls(browser, stack, user, 10)
    const multiTab = await multiTabExpiredCalls(browser, stack, user, { tabs: 3, calls: 50 })
    return {
      rounds,
      peers: peers.map(({ peer, dist }, i) => ({
        name: peer.name,
        label: peer.label,
        firstLoad: peerFirstLoad(dist),
        ...flowStats(peerRounds[i] ?? []),
      })),
      loadAverage: { start: loadAtStart, end: loadAtEnd },
      preflights,
      tokenAccess,
      concurrency,
      multiTab,
    }
  } finally {
    for (const stackRunning of running.reverse()) await stackRunning.close()
  }
}

/** docs/bench-latest.svg: every timed flow, Tessera and each peer (medians, IQRs). */
function writeChart(result: BenchResult): void {
  const apps = [
    { name: 'Tessera', flows: result },
    ...result.peers.map((p) => ({ name: p.label, flows: p })),
  ]
  const load = `load average ${result.loadAverage.start.toFixed(1)}–${result.loadAverage.end.toFixed(1)} on ${String(availableParallelism())} cores`
  writeFileSync(
    CHART,
    benchChart({
      title: 'Tessera and its peers, measured alternately in one run (ms)',
      subtitle: `${result.date.slice(0, 10)}, BENCH_RUNS=${String(result.runs)} rounds per app, Chromium, ${load}`,
      flows: TIMED_FLOWS.map(({ label, pick }) => ({
        label,
        apps: apps.map((app) => ({ name: app.name, stats: pick(app.flows) })),
      })),
    }),
  )
  console.log('Wrote docs/bench-latest.svg')
}

/** OPTIONS requests the provider received (CORS preflights), from its request log. */
async function providerPreflights(stack: DevStack): Promise<number> {
  const response = await fetch(`${stack.issuer}${REQUEST_LOG_PATH}`)
  const log = (await response.json()) as { method: string }[]
  return log.filter((entry) => entry.method === 'OPTIONS').length
}

/** The deep-link sign-in and the reload in Firefox and WebKit, on a stack of their own. */
async function measureOtherEngines(): Promise<EngineBench[]> {
  const stack = benchStack(9870)
  const user = stack.users[0]
  if (!user) throw new Error('dev/config.ts has no demo user')
  process.env.TESSERA_DEV_ENDPOINTS = '1' // the provider's request log counts the reload's requests
  const running = await startStack(stack, { mode: 'dist', root: DIST })
  try {
    return await measureEngines(stack, user, RUNS)
  } finally {
    await running.close()
  }
}

/** `BENCH_COMPARE`: the timed flows of another build and of this one, alternately. */
async function compare(browser: Browser, otherDist: string): Promise<void> {
  const other = resolve(otherDist)
  if (!existsSync(join(other, 'index.html'))) {
    throw new Error(`BENCH_COMPARE=${otherDist}: no index.html there; build that tree first`)
  }
  const builds = [
    { label: `BENCH_COMPARE (${otherDist})`, dist: other, stack: benchStack(9820) },
    { label: 'this build', dist: DIST, stack: benchStack(9800) },
  ]
  const [loadAtStart = 0] = loadavg()
  const rounds = await compareBuilds(browser, builds, RUNS)
  const [loadAtEnd = 0] = loadavg()
  const comparison: Comparison = {
    date: new Date().toISOString(),
    runs: RUNS,
    loadAverage: { start: loadAtStart, end: loadAtEnd },
    builds: builds.map((build, i) => ({
      label: build.label,
      flows: flowStats(rounds[i] ?? []),
      rounds: rounds[i] ?? [],
    })),
  }
  console.log(comparisonMarkdown(comparison))
  mkdirSync(`${ROOT}dev/bench/results`, { recursive: true })
  writeFileSync(`${ROOT}dev/bench/results/compare.json`, `${JSON.stringify(comparison, null, 2)}\n`)
  console.log('Wrote dev/bench/results/compare.json')
}

async function main(): Promise<void> {
  const executablePath = ensureChromium()
  const browser = await chromium.launch({
    args: CHROMIUM_ARGS,
    ...(executablePath ? { executablePath } : {}),
  })
  const otherDist = process.env.BENCH_COMPARE
  if (otherDist) {
    try {
      await compare(browser, otherDist)
    } finally {
      await browser.close()
    }
    return
  }
  const bundle = measureBundle(DIST)
  if (ONLY_SOAK) {
    try {
      const report = await soak(browser, DIST, SOAK_SECONDS || 180, CPU_LOAD)
      console.log(soakMarkdown(report))
      mkdirSync(`${ROOT}dev/bench/results`, { recursive: true })
      writeFileSync(`${ROOT}dev/bench/results/soak.json`, `${JSON.stringify(report, null, 2)}\n`)
    } finally {
      await browser.close()
    }
    return
  }
  try {
    const flows = await measureFlows(browser)
    const { concurrency, multiTab } = flows
    if (SOAK_SECONDS > 0) console.log(`Soak: ${String(SOAK_SECONDS)} s (BENCH_SOAK_SECONDS)…`)
    const soakReport = SOAK_SECONDS > 0 ? await soak(browser, DIST, SOAK_SECONDS, CPU_LOAD) : null
    const engines = await measureOtherEngines()

    const result: BenchResult = {
      date: new Date().toISOString(),
      runs: RUNS,
      soakSeconds: SOAK_SECONDS,
      bundle,
      ...flowStats(flows.rounds),
      loadAverage: flows.loadAverage,
      peers: flows.peers,
      tokenRequestPreflights: flows.preflights,
      tokenAccessMicros: stats(flows.tokenAccess),
      concurrentExpiredCalls: { calls: 10, ...concurrency },
      multiTabExpiredCalls: multiTab,
      soak: soakReport,
      engines,
    }

    console.log(markdown(result))
    mkdirSync(`${ROOT}dev/bench/results`, { recursive: true })
    writeFileSync(`${ROOT}dev/bench/results/latest.json`, `${JSON.stringify(result, null, 2)}\n`)
    console.log('Wrote dev/bench/results/latest.json')
    writeChart(result)
  } finally {
    await browser.close()
  }
}

await main()
