/**
 * The matrix's own stacks: the same local provider, APIs and built app (`dist/`) as the
 * Playwright suite (dev/stack.ts), started in the test process on ports of their own, one range
 * per engine, so engines and the Playwright suite can run side by side without collisions.
 */
import { fileURLToPath } from 'node:url'

import { devStack, type DevStack, portsFrom } from '../../../dev/config'
import { withProfile } from '../../../dev/profiles'
import type { IdpRequestRecord } from '../../../dev/idp/request-log'
import type { ApiRequestRecord } from '../../../dev/api/request-log'
import { REQUEST_LOG_PATH } from '../../../dev/request-log'
import { startStack, type StartedStack } from '../../../dev/stack'
import type { EngineName } from './engine'

const DIST = fileURLToPath(new URL('../../../dist', import.meta.url))

/**
 * Access-token lifetime (s) of the stacks whose flows need a token to go stale: the app renews
 * a quarter of it ahead of expiry, so tokens are stale after 4.5 s of real time (no engine here
 * lets a driver fake the page's clock before the app reads it).
 */
export const SHORT_TOKEN_SECONDS = 6

/** First port of each engine's range: beside the e2e suite (9500–9630, 9950) and the bench. */
const ENGINE_PORTS: Readonly<Record<EngineName, number>> = { firefox: 10_000, webkit: 10_100 }

export interface MatrixStacks {
  /** Generic provider, 10-minute tokens, hostile mode on (dev/hostile/) for this engine's key. */
  readonly main: DevStack
  /** Generic provider, tokens stale after seconds: renewal flows. */
  readonly shortLived: DevStack
  /** The `no-refresh-token` provider profile (renewal in a hidden iframe), short tokens too. */
  readonly silent: DevStack
}

function stackAt(firstPort: number, env: Readonly<Record<string, string>>): DevStack {
  return withProfile(
    devStack({
      ...process.env,
      ...portsFrom(firstPort),
      TESSERA_DIAGNOSTICS: '1',
      ...env,
    }),
  )
}

export function matrixStacks(engine: EngineName): MatrixStacks {
  const base = ENGINE_PORTS[engine]
  const short = { TESSERA_ACCESS_TOKEN_TTL: String(SHORT_TOKEN_SECONDS) }
  return {
    main: stackAt(base, {}),
    shortLived: stackAt(base + 20, short),
    silent: stackAt(base + 40, { ...short, TESSERA_PROFILE: 'no-refresh-token' }),
  }
}

/** Starts every stack (request logs under /__dev/, hostile mode armed); resolves to a closer. */
export async function startMatrixStacks(stacks: MatrixStacks): Promise<() => Promise<void>> {
  // Read by the provider and APIs as they start (dev/idp/server.ts, dev/api/server.ts).
  process.env.TESSERA_DEV_ENDPOINTS = '1'
  process.env.TESSERA_HOSTILE = '1'
  const started: StartedStack[] = []
  try {
    for (const stack of [stacks.main, stacks.shortLived, stacks.silent]) {
      started.push(await startStack(stack, { mode: 'dist', root: DIST }))
    }
  } catch (error) {
    await Promise.all(started.map((stack) => stack.close()))
    throw error
  }
  return async () => {
    await Promise.all(started.map((stack) => stack.close()))
  }
}

async function readLog<T>(origin: string): Promise<T[]> {
  const response = await fetch(`${origin}${REQUEST_LOG_PATH}`)
  if (!response.ok)
    throw new Error(`${origin}${REQUEST_LOG_PATH} answered ${String(response.status)}`)
  return (await response.json()) as T[]
}

/** What a server received from a point on (its request log, read server side). */
export class Traffic<T> {
  readonly #origin: string
  readonly #from: number

  private constructor(origin: string, from: number) {
    this.#origin = origin
    this.#from = from
  }

  static async from<T>(origin: string): Promise<Traffic<T>> {
    return new Traffic<T>(origin, (await readLog<T>(origin)).length)
  }

  async requests(): Promise<T[]> {
    return (await readLog<T>(this.#origin)).slice(this.#from)
  }
}

/** The provider's traffic from now on. */
export function providerTraffic(stack: DevStack): Promise<Traffic<IdpRequestRecord>> {
  return Traffic.from<IdpRequestRecord>(new URL(stack.issuer).origin)
}

/** The demo API's traffic from now on. */
export function apiTraffic(stack: DevStack): Promise<Traffic<ApiRequestRecord>> {
  return Traffic.from<ApiRequestRecord>(stack.apiUrl)
}

/** Token requests of one grant type among `requests`. */
export function grants(
  requests: readonly IdpRequestRecord[],
  type: 'authorization_code' | 'refresh_token',
): number {
  return requests.filter((r) => r.method === 'POST' && r.grantType === type).length
}

/** Authorization requests (the browser's navigations or frames to `/auth`). */
export function authorizeRequests(requests: readonly IdpRequestRecord[]): number {
  return requests.filter((r) => r.method === 'GET' && r.path === '/auth').length
}
