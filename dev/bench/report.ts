/** The bench's results: the shape of `results/latest.json` and the Markdown it prints. */
import type { BundleReport, Size } from './bundle-size'
import { EMULATED_RTT_MS } from './emulated-network'
import type { EngineBench } from './engines'
import { type FlowRound, POINTER_REST_MS } from './flows'
import type { MultiTabResult } from './multi-tab'
import type { SoakReport } from './soak'
import { iqr, type Stats, stats, verdict } from './spread'

/** Each timed flow's statistics over the bench's rounds. */
export interface FlowStats {
  readonly deepLinkSignIn: {
    readonly providerRequests: Stats
    readonly ms: Stats
    /** The app's first page, by its own clock: navigation start → it leaves for the provider. */
    readonly leaveMs: Stats
    /** The callback page, by its own clock: its HTML received → the API's answer in the DOM. */
    readonly callbackMs: Stats
  }
  /**
   * The deep-link sign-in on an emulated network: `EMULATED_RTT_MS` on every request, as much
   * again on a new connection, in a normal profile.
   */
  readonly deepLinkOverNetwork: {
    readonly ms: Stats
    readonly leaveMs: Stats
    readonly callbackMs: Stats
  }
  /** Signed out on `/`, once it loaded: click "Sign in" → signed in. */
  readonly clickSignIn: { readonly providerRequests: Stats; readonly ms: Stats }
  /** The same on the emulated network, the pointer resting on the button first. */
  readonly clickOverNetwork: { readonly ms: Stats }
  /** Sign out, then sign in again in the same tab (browser session): the repeat sign-in. */
  readonly signInAgain: { readonly providerRequests: Stats; readonly ms: Stats }
  readonly signedInReload: {
    readonly providerRequests: Stats
    readonly ms: Stats
    readonly navigationToApiRequestMs: Stats
    /** The same reload, `EMULATED_RTT_MS` on every request: navigation start → API answer. */
    readonly overNetworkMs: Stats
    /**
     * On the emulated network, after the deep link, once every connection ended: navigation
     * start → API answer.
     */
    readonly coldOverNetworkMs: Stats
  }
}

export interface BenchResult extends FlowStats {
  readonly date: string
  /** BENCH_RUNS: samples per flow. */
  readonly runs: number
  /** BENCH_SOAK_SECONDS: how long the soak ran (0: skipped). */
  readonly soakSeconds: number
  readonly bundle: BundleReport
  /** OPTIONS requests the provider received during every sign-in above. */
  readonly tokenRequestPreflights: number
  /** `getAccessToken` cache hit in Chromium, µs per call (batch means). */
  readonly tokenAccessMicros: Stats
  readonly concurrentExpiredCalls: {
    readonly calls: number
    readonly refreshGrants: number
    readonly ok: number
    readonly laterRefreshOk: boolean
  }
  readonly multiTabExpiredCalls: MultiTabResult
  readonly soak: SoakReport | null
  /** The deep-link sign-in and the reload in Firefox and WebKit, where installed. */
  readonly engines: readonly EngineBench[]
  /** The machine's 1-minute load average when the timed flows started and ended. */
  readonly loadAverage: LoadAverage
  /** The peers (dev/bench/peers/), their timed flows alternating with Tessera's in this run. */
  readonly peers: readonly PeerResult[]
}

export interface LoadAverage {
  readonly start: number
  readonly end: number
}

export interface PeerResult extends FlowStats {
  /** Its libraries and their versions. */
  readonly name: string
  /** A short name for table headings and the chart. */
  readonly label: string
  /** Its first-load JS: the whole app (one chunk). */
  readonly firstLoad: Size
}

export function flowStats(rounds: readonly FlowRound[]): FlowStats {
  const of = <T>(pick: (round: FlowRound) => T) => rounds.map(pick)
  return {
    deepLinkSignIn: {
      providerRequests: stats(of((r) => r.deepLink.providerRequests)),
      ms: stats(of((r) => r.deepLink.ms)),
      leaveMs: stats(of((r) => r.deepLink.leaveMs)),
      callbackMs: stats(of((r) => r.deepLink.callbackMs)),
    },
    deepLinkOverNetwork: {
      ms: stats(of((r) => r.deepLinkOverNetwork.ms)),
      leaveMs: stats(of((r) => r.deepLinkOverNetwork.leaveMs)),
      callbackMs: stats(of((r) => r.deepLinkOverNetwork.callbackMs)),
    },
    clickSignIn: {
      providerRequests: stats(of((r) => r.click.providerRequests)),
      ms: stats(of((r) => r.click.ms)),
    },
    clickOverNetwork: { ms: stats(of((r) => r.clickOverNetwork.ms)) },
    signInAgain: {
      providerRequests: stats(of((r) => r.again.providerRequests)),
      ms: stats(of((r) => r.again.ms)),
    },
    signedInReload: {
      providerRequests: stats(of((r) => r.reload.providerRequests)),
      ms: stats(of((r) => r.reload.ms)),
      navigationToApiRequestMs: stats(of((r) => r.reload.navigationToApiRequestMs)),
      overNetworkMs: stats(of((r) => r.reload.overNetworkMs)),
      coldOverNetworkMs: stats(of((r) => r.coldReloadOverNetworkMs)),
    },
  }
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1)
const sizeRow = (name: string, size: Size) =>
  `| ${name} | ${kib(size.raw)} | ${kib(size.gzip)} | ${kib(size.brotli)} |`
const ms = (s: Stats) => `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`
const tabNo = (tab: number) => (tab < 0 ? '?' : String(tab + 1))
const seconds = (ms: number | undefined) => (ms === undefined ? '–' : (ms / 1000).toFixed(3))

function multiTab(r: MultiTabResult): string {
  const second = r.secondRound
  return `
## ${String(r.calls)} concurrent calls across ${String(r.tabs)} tabs after expiry
Tabs 2–${String(r.tabs)} opened with \`window.open\` from tab 1; fake clock past the access token's lifetime.

| measure | result | target |
| --- | ---: | ---: |
| refresh grants | ${String(r.refreshGrants)} | 1 |
| calls ok | ${String(r.ok)}/${String(r.calls)} | ${String(r.calls)} |
| second round (expired again, 1 call per tab) | ${String(second.ok)}/${String(second.calls)} ok, ${String(second.refreshGrants)} refresh grant(s) | all ok, 1 grant |
| refresh grants answered non-200 | ${String(r.nonOkRefreshGrants)} | 0 |
${r.errors.map((e) => `- failed: ${e}`).join('\n')}`
}

export function soakMarkdown(r: SoakReport): string {
  const off =
    r.failedCalls > 0 ||
    r.forcedSignIns > 0 ||
    r.grantsPerRotation > 1 ||
    r.nonOkRefreshGrants > 0 ||
    r.apiErrorAnswers > 0
  const timeline = r.grants.map(
    (g) =>
      `| ${seconds(g.atMs)} | ${tabNo(g.tab)} | ${g.api} | ${String(g.generation)} | ${String(g.status)}${g.error ? ` ${g.error}` : ''} | ${String(g.ms ?? '–')} |`,
  )
  const details = `
### What happened (times in s since the soak's browser context opened; tabs 1–${String(r.tabs)})
| sent | tab | API | refresh token generation | status | ms |
| ---: | ---: | --- | ---: | --- | ---: |
${timeline.join('\n')}

${r.events
  .slice(0, 40)
  .map((e) => `- ${seconds(e.atMs)} s, tab ${tabNo(e.tab)}: ${e.what}`)
  .join('\n')}`
  return `
## Soak: ${String(r.tabs)} tabs for ${String(r.seconds)} s, access tokens live ${String(r.accessTokenTtlSeconds)} s, ${String(r.cpuLoad)} busy loops
Every 1–3 s each tab calls both APIs, reloads, opens another page or gives way to a new tab.
| measure | result | target |
| --- | ---: | ---: |
| page loads: reloads / other pages / new tabs | ${String(r.pageLoads.reload)} / ${String(r.pageLoads.navigate)} / ${String(r.pageLoads.newTab)} | |
| failed calls | ${String(r.failedCalls)} of ${String(r.calls)} | 0 |
| forced sign-ins (provider \`/auth\` navigations + alerts shown, per tab) | ${String(r.forcedSignIns)} (${String(r.providerNavigations)} + ${String(r.alerts)}) | 0 |
| refresh grants | ${String(r.refreshGrants)} | |
| rotations observed (distinct refresh tokens redeemed) | ${String(r.rotations)} | |
| grants per rotation | ${r.grantsPerRotation.toFixed(2)} | 1.0 |
| refresh grants answered non-200 | ${String(r.nonOkRefreshGrants)} | 0 |
| renewals another tab ran into (it called the same API during the grant) | ${String(r.contendedRenewals)} | |
| API answers ≥ 400 | ${String(r.apiErrorAnswers)} | 0 |
${off ? details : ''}`
}

export function markdown(r: BenchResult): string {
  const c = r.concurrentExpiredCalls
  return `
Settings: \`BENCH_RUNS=${String(r.runs)}\` (default 5), \`BENCH_SOAK_SECONDS=${String(r.soakSeconds)}\` (default 300; 0 skips the soak).

## Bundle (KiB)
| JS | raw | gzip | brotli |
| --- | ---: | ---: | ---: |
${sizeRow('first load (bootstrap + the preloaded React app)', r.bundle.firstLoad)}
${sizeRow('bootstrap (all a signed-out deep link runs before leaving)', r.bundle.bootstrap)}
${sizeRow('lazy sign-in/renewal chunk', r.bundle.lazy)}
${sizeRow('lazy chunks off the sign-in path (DPoP, silent renewal, AADSTS fixes)', r.bundle.optIn)}
${sizeRow('auth share, signed-in reload', r.bundle.authFirstLoad)}
${sizeRow('auth share, sign-in path', r.bundle.authSignInPath)}

## Flows (median of ${String(r.runs)}, min–max)
Each flow ends on a stamp the page takes itself (\`dev/bench/page-stamps.ts\`): the bench does not run its own script in the app's pages while they work.

| flow | provider requests | ms |
| --- | ---: | ---: |
| deep-link sign-in → API answer | ${ms(r.deepLinkSignIn.providerRequests)} | ${ms(r.deepLinkSignIn.ms)} |
| deep link, the app's first page: navigation start → leaves for the provider (page clock) | | ${ms(r.deepLinkSignIn.leaveMs)} |
| deep link, the callback page: HTML received → API answer in the DOM (page clock) | | ${ms(r.deepLinkSignIn.callbackMs)} |
| click "Sign in" on \`/\` → signed in | ${ms(r.clickSignIn.providerRequests)} | ${ms(r.clickSignIn.ms)} |
| sign in again after signing out (same browser session) | ${ms(r.signInAgain.providerRequests)} | ${ms(r.signInAgain.ms)} |
| signed-in reload → API answer | ${ms(r.signedInReload.providerRequests)} | ${ms(r.signedInReload.ms)} |
| reload: navigation start → API request | | ${ms(r.signedInReload.navigationToApiRequestMs)} |
| reload, ${String(EMULATED_RTT_MS)} ms round trips (emulated): navigation start → API answer (page clock) | | ${ms(r.signedInReload.overNetworkMs)} |
| deep link, ${String(EMULATED_RTT_MS)} ms round trips (emulated) → API answer | | ${ms(r.deepLinkOverNetwork.ms)} |
| … the app's first page → leaves for the provider (page clock) | | ${ms(r.deepLinkOverNetwork.leaveMs)} |
| … the callback page: HTML → API answer in the DOM (page clock) | | ${ms(r.deepLinkOverNetwork.callbackMs)} |
| … then a reload once every connection ended: navigation start → API answer (page clock) | | ${ms(r.signedInReload.coldOverNetworkMs)} |
| click "Sign in", ${String(EMULATED_RTT_MS)} ms round trips (emulated), pointer on it ${String(POINTER_REST_MS)} ms first → signed in | | ${ms(r.clickOverNetwork.ms)} |

With round trips emulated on the deep link and the click, a request on a new connection costs a second round trip (its handshake, held by the bench's proxy), and the browser runs a normal profile: Playwright's contexts are incognito, where Chromium ignores preconnect hints. The first emulated reload keeps its connections warm.

CORS preflights the provider received during all of these sign-ins: ${String(r.tokenRequestPreflights)}.

\`getAccessToken\` on a cache hit: **${r.tokenAccessMicros.median.toFixed(2)} µs** per call (${r.tokenAccessMicros.min.toFixed(2)}–${r.tokenAccessMicros.max.toFixed(2)}; 20 batches of 2,000 calls in Chromium; target ≤ 50).

${peersMarkdown(r)}
## ${String(c.calls)} concurrent calls with an expired access token
refresh grants: ${String(c.refreshGrants)}, calls ok: ${String(c.ok)}/${String(c.calls)}, next refresh ok: ${String(c.laterRefreshOk)}
${multiTab(r.multiTabExpiredCalls)}
${r.soak ? soakMarkdown(r.soak) : '\n## Soak\nskipped (`BENCH_SOAK_SECONDS=0`)'}
${engines(r.engines)}
`
}

/** Firefox and WebKit (dev/bench/engines.ts): page clocks, and the driver's wall clock. */
function engines(results: readonly EngineBench[]): string {
  if (results.length === 0) return '\n## Other engines\nnone installed (see docs/engines.md)'
  const rows = results.map(
    (e) =>
      `| ${e.version} | ${ms(e.callbackMs)} | ${ms(e.deepLinkMs)} | ${ms(e.reloadMs)} | ${String(e.reloadProviderRequests)} |`,
  )
  const failures = results.flatMap((e) => e.failures.map((f) => `- ${e.version}: ${f}`))
  return `
## Other engines (median, min–max)
Driven as the engine matrix drives them (docs/engines.md). Page clock: the document's navigation start → the demo API's answer received (Resource Timing). The deep link's wall clock includes the driver typing at the provider.

| engine | deep link, callback page (page clock) | deep link → API answer shown (wall) | signed-in reload (page clock) | provider requests, all reloads |
| --- | ---: | ---: | ---: | ---: |
${rows.join('\n')}
${failures.length > 0 ? `\nSamples given up:\n${failures.join('\n')}` : ''}`
}

/** The timed flows of two builds, measured alternately (`BENCH_COMPARE`). */
export interface Comparison {
  readonly date: string
  readonly runs: number
  /** The machine's 1-minute load average when the comparison started and ended. */
  readonly loadAverage: { readonly start: number; readonly end: number }
  readonly builds: readonly {
    readonly label: string
    readonly flows: FlowStats
    readonly rounds: readonly FlowRound[]
  }[]
}

const quartiles = (s: Stats) => `${s.median.toFixed(0)} [${s.q1.toFixed(0)}–${s.q3.toFixed(0)}]`

/** A timed flow: what the tables and the chart call it, and where its statistics are. */
export interface TimedFlow {
  readonly label: string
  readonly pick: (flows: FlowStats) => Stats
}

const RTT = `${String(EMULATED_RTT_MS)} ms round trips (emulated)`

/** Every timed flow, in the order the tables and the chart show them. */
export const TIMED_FLOWS: readonly TimedFlow[] = [
  { label: 'deep-link sign-in → API answer', pick: (f) => f.deepLinkSignIn.ms },
  {
    label: "deep link, the app's first page → leaves for the provider (page clock)",
    pick: (f) => f.deepLinkSignIn.leaveMs,
  },
  {
    label: 'deep link, the callback page: HTML → API answer in the DOM (page clock)',
    pick: (f) => f.deepLinkSignIn.callbackMs,
  },
  { label: 'click "Sign in" on `/` → signed in', pick: (f) => f.clickSignIn.ms },
  {
    label: 'sign in again after signing out (same browser session)',
    pick: (f) => f.signInAgain.ms,
  },
  { label: 'signed-in reload → API answer', pick: (f) => f.signedInReload.ms },
  {
    label: 'reload: navigation start → API request',
    pick: (f) => f.signedInReload.navigationToApiRequestMs,
  },
  {
    label: `reload, ${RTT}: navigation start → API answer`,
    pick: (f) => f.signedInReload.overNetworkMs,
  },
  { label: `deep link, ${RTT} → API answer`, pick: (f) => f.deepLinkOverNetwork.ms },
  {
    label: '… the first page → leaves for the provider (page clock)',
    pick: (f) => f.deepLinkOverNetwork.leaveMs,
  },
  {
    label: '… the callback page: HTML → API answer in the DOM (page clock)',
    pick: (f) => f.deepLinkOverNetwork.callbackMs,
  },
  {
    label: '… then a reload once every connection ended: navigation start → API answer',
    pick: (f) => f.signedInReload.coldOverNetworkMs,
  },
  {
    label: `click "Sign in", ${RTT}, pointer on it ${String(POINTER_REST_MS)} ms first`,
    pick: (f) => f.clickOverNetwork.ms,
  },
]

/** b against a: the difference of the medians (b − a), the larger IQR and b's verdict. */
function judged(a: Stats, b: Stats) {
  // Whole ms, rounded first: toFixed(0) prints -0.4 as "-0".
  const delta = Math.round(b.median - a.median)
  return {
    delta: `${delta > 0 ? '+' : ''}${String(delta)}`,
    spread: Math.max(iqr(a), iqr(b)).toFixed(0),
    verdict: verdict(a, b),
  }
}

const VERDICT_RULE =
  'A verdict is faster or slower only when the medians differ by more than the larger IQR; closer is a tie.'

/** Two apps' timed flows side by side: medians and IQRs, Δ median (b − a) and b's verdict. */
function comparisonRows(aLabel: string, a: FlowStats, bLabel: string, b: FlowStats): string {
  const rows = TIMED_FLOWS.map(({ label, pick }) => {
    const { delta, spread, verdict: v } = judged(pick(a), pick(b))
    return `| ${label} | ${quartiles(pick(a))} | ${quartiles(pick(b))} | ${delta} | ${spread} | ${v} |`
  })
  const requests = (pick: (flows: FlowStats) => Stats) =>
    `${String(pick(a).median)} / ${String(pick(b).median)}`
  return `| flow (ms: median [IQR, q1–q3]) | ${aLabel} | ${bLabel} | Δ median | larger IQR | ${bLabel}: |
| --- | ---: | ---: | ---: | ---: | --- |
${rows.join('\n')}

${VERDICT_RULE}

Provider requests: deep link ${requests((f) => f.deepLinkSignIn.providerRequests)}, click ${requests((f) => f.clickSignIn.providerRequests)}, again ${requests((f) => f.signInAgain.providerRequests)}, reload ${requests((f) => f.signedInReload.providerRequests)}.
`
}

/** Tessera and every peer of the run: sizes, then every timed flow with Tessera's verdicts. */
export function peersMarkdown(r: BenchResult): string {
  const heading = r.peers.map((p) => ` ${p.label} | Tessera vs ${p.label} |`).join('')
  const rule = r.peers.map(() => ' ---: | --- |').join('')
  const rows = TIMED_FLOWS.map(({ label, pick }) => {
    const cells = r.peers.map((peer) => {
      const { delta, spread, verdict: v } = judged(pick(peer), pick(r))
      return ` ${quartiles(pick(peer))} | ${delta} (IQR ${spread}): ${v === 'tie' ? v : `**${v}**`} |`
    })
    return `| ${label} | ${quartiles(pick(r))} |${cells.join('')}`
  })
  const requests = (name: string, f: FlowStats) =>
    `| ${name} | ${String(f.deepLinkSignIn.providerRequests.median)} | ${String(f.clickSignIn.providerRequests.median)} | ${String(f.signInAgain.providerRequests.median)} | ${String(f.signedInReload.providerRequests.median)} |`
  return `## Against the peers, measured alternately in this run
Each peer (\`dev/bench/peers/\`) renders Tessera's own pages (its components, styles and markup) with another auth library, written the way that library's README shows, on a stack of its own; every run measures one round of each app's flows, the app that goes first changing every run. Load average (1 min): ${r.loadAverage.start.toFixed(2)} at the start of the flows, ${r.loadAverage.end.toFixed(2)} at their end.

| flow (ms: median [IQR, q1–q3]) | Tessera |${heading}
| --- | ---: |${rule}
${rows.join('\n')}

${VERDICT_RULE} Δ is Tessera's median minus the peer's.

| first-load JS (KiB) | raw | gzip | brotli |
| --- | ---: | ---: | ---: |
${sizeRow('Tessera (bootstrap + the preloaded React app)', r.bundle.firstLoad)}
${r.peers.map((p) => sizeRow(p.name, p.firstLoad)).join('\n')}

| provider requests (median) | deep link | click | sign in again | two reloads (loopback, emulated) |
| --- | ---: | ---: | ---: | ---: |
${[requests('Tessera', r), ...r.peers.map((p) => requests(p.label, p))].join('\n')}
`
}

export function comparisonMarkdown(c: Comparison): string {
  const [a, b] = c.builds
  if (!a || !b) throw new Error('a comparison needs two builds')
  return `
## Flows, two builds measured alternately (${String(c.runs)} runs each)
Load average (1 min): ${c.loadAverage.start.toFixed(2)} at the start, ${c.loadAverage.end.toFixed(2)} at the end.

${comparisonRows(a.label, a.flows, b.label, b.flows)}`
}
