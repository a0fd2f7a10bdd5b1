/**
 * The deep-link sign-in and the signed-in reload in Firefox and WebKit (the engine matrix's
 * drivers, e2e/engines/), each engine that is installed; the rest of the bench is Chromium's.
 * Times are the page's own: from its navigation start to the demo API's answer received
 * (Resource Timing), which no driver's polling can blur. The wall-clock deep link includes the
 * driver typing at the provider, and differs by driver as much as by engine.
 */
import type { DemoUser, DevStack } from '../config'
import { REQUEST_LOG_PATH } from '../request-log'
import type { BrowserSession, Engine, EngineName, Tab } from '../../e2e/engines/support/engine'
import { findEngines } from '../../e2e/engines/support/find-engines'
import { launchFirefox } from '../../e2e/engines/support/firefox'
import { launchWebKit } from '../../e2e/engines/support/webkit'
import { untilShown } from '../../e2e/engines/support/wait'
import { startXvfb, type VirtualDisplay } from '../../e2e/engines/support/xvfb'
import { type Stats, stats } from './spread'

export interface EngineBench {
  readonly engine: EngineName
  /** The browser and its version, e.g. `firefox/153.8.0`. */
  readonly version: string
  /** Signed out, open /profile → log in → the API's answer shown (wall clock, with typing). */
  readonly deepLinkMs: Stats
  /** The callback page, by its own clock: navigation start → the API's answer received. */
  readonly callbackMs: Stats
  /** Signed in on /profile, reload, by the page's clock: navigation start → API answer. */
  readonly reloadMs: Stats
  /** Requests to the provider during the reloads (0 expected). */
  readonly reloadProviderRequests: number
  /** Samples given up (an error, or a driver that stopped answering), with why. */
  readonly failures: readonly string[]
}

/** When this document received the demo API's `/me` answer, by its clock; NaN if it did not. */
function apiAnswerAt(tab: Tab, stack: DevStack): Promise<number> {
  return tab.run<number>(
    `const entry = performance.getEntriesByType('resource').find((e) => e.name.startsWith(args[0]))
    return entry ? entry.responseEnd : NaN`,
    `${stack.apiUrl}/me`,
  )
}

async function apiAnswerShown(tab: Tab, user: DemoUser): Promise<void> {
  await untilShown(async () => {
    const text = await tab.textOf({ role: 'region', name: 'From the demo API' })
    return text?.includes(user.name) === true ? true : null
  }, 'API answer')
}

async function providerRequests(stack: DevStack): Promise<number> {
  const response = await fetch(`${new URL(stack.issuer).origin}${REQUEST_LOG_PATH}`)
  return ((await response.json()) as unknown[]).length
}

/**
 * How long one sample (opening a session, or its deep link and reload) may take. A driver can stop
 * answering (WebKitWebDriver did, once, in the middle of a run); the sample is then given up,
 * so one hang costs a sample, not the whole bench.
 */
const SAMPLE_TIMEOUT_MS = 90_000

function withinTime<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${what}: no answer within ${String(SAMPLE_TIMEOUT_MS / 1000)} s`))
    }, SAMPLE_TIMEOUT_MS)
  })
  return Promise.race([work, late]).finally(() => {
    clearTimeout(timer)
  })
}

async function measure(engine: Engine, stack: DevStack, user: DemoUser, runs: number) {
  const deepLink: number[] = []
  const callback: number[] = []
  const reload: number[] = []
  const failures: string[] = []
  let reloadRequests = 0
  const sample = async (tab: Tab) => {
    const start = Date.now()
    await tab.goto(`${stack.appOrigin}/profile`)
    await tab.fill({ label: 'Username' }, user.username)
    await tab.fill({ label: 'Password' }, user.password)
    await tab.click({ role: 'button', name: 'Sign in' })
    await apiAnswerShown(tab, user)
    deepLink.push(Date.now() - start)
    callback.push(await apiAnswerAt(tab, stack))

    const before = await providerRequests(stack)
    await tab.reload()
    await apiAnswerShown(tab, user)
    reload.push(await apiAnswerAt(tab, stack))
    reloadRequests += (await providerRequests(stack)) - before
  }
  for (let run = 0; run < runs; run++) {
    const what = `${engine.name} sample ${String(run + 1)}`
    let session: BrowserSession | undefined
    try {
      session = await withinTime(engine.open(), what)
      await withinTime(sample(session.firstTab), what)
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error))
    } finally {
      await session?.close().catch((error: unknown) => {
        failures.push(`${what}, closing: ${String(error)}`)
      })
    }
  }
  return { deepLink, callback, reload, reloadRequests, failures }
}

/** Every installed engine's flows, `runs` samples each; prints a line for each one skipped. */
export async function measureEngines(
  stack: DevStack,
  user: DemoUser,
  runs: number,
): Promise<EngineBench[]> {
  const { installed, missing } = findEngines()
  for (const engine of missing) console.log(`Bench: ${engine.engine} skipped, ${engine.reason}`)
  const results: EngineBench[] = []
  let xvfb: VirtualDisplay | undefined
  try {
    for (const install of installed) {
      let engine: Engine
      if (install.engine === 'firefox') {
        engine = await launchFirefox(install.executable)
      } else {
        if (install.xvfb !== undefined) xvfb ??= await startXvfb(install.xvfb)
        const display = xvfb?.display ?? process.env.DISPLAY ?? ''
        engine = await launchWebKit({ driver: install.driver, browser: install.browser, display })
      }
      try {
        const samples = await measure(engine, stack, user, runs)
        results.push({
          engine: engine.name,
          version: engine.version,
          deepLinkMs: stats(samples.deepLink),
          callbackMs: stats(samples.callback),
          reloadMs: stats(samples.reload),
          reloadProviderRequests: samples.reloadRequests,
          failures: samples.failures,
        })
      } finally {
        await engine.close()
      }
    }
  } finally {
    await xvfb?.stop()
  }
  return results
}
