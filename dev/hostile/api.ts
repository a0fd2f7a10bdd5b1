/**
 * The hostile API: the demo APIs, in hostile mode (`TESSERA_HOSTILE=1`), answer one browser's
 * writes with a challenge of the test's choosing, to prove the app's policies against an API
 * that never relents (e.g. a step-up challenge on every attempt). Scenarios are keyed by the
 * browser's User-Agent, like the hostile provider's (./scenario.ts). Loopback test tool only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import { readBody } from '../idp/body'
import { isScenarioKey, keyFromUserAgent, SCENARIO_PATH } from './scenario'

export interface ApiScenario {
  /**
   * Every write (POST, DELETE) is answered 401 with `WWW-Authenticate: Bearer` and these
   * parameters, e.g. `{ error: 'insufficient_user_authentication' }` and nothing else.
   */
  readonly challengeWrites: Readonly<Record<string, string>>
}

const CONTROL_BODY_LIMIT = 16 * 1024
const WRITES = new Set(['POST', 'DELETE'])
// RFC 6750 §3: auth-param values are quoted strings of printable ASCII without '"' or '\'.
const PARAM_NAME = /^[a-z_]{1,40}$/
const PARAM_VALUE = /^[\x20\x21\x23-\x5B\x5D-\x7E]{0,200}$/

/** Checks a scenario received as JSON; unknown keys are refused, as the provider's are. */
export function parseApiScenario(json: unknown): ApiScenario {
  if (typeof json !== 'object' || json === null) throw new TypeError('scenario must be an object')
  const { challengeWrites, ...rest } = json as Record<string, unknown>
  if (Object.keys(rest).length > 0) {
    throw new TypeError(`scenario has unknown keys: ${Object.keys(rest).join(', ')}`)
  }
  if (typeof challengeWrites !== 'object' || challengeWrites === null) {
    throw new TypeError('scenario.challengeWrites must be an object of auth-params')
  }
  for (const [name, value] of Object.entries(challengeWrites)) {
    if (!PARAM_NAME.test(name) || typeof value !== 'string' || !PARAM_VALUE.test(value)) {
      throw new TypeError(`scenario.challengeWrites.${name} is not a valid auth-param`)
    }
  }
  return { challengeWrites: challengeWrites as Record<string, string> }
}

export class HostileApi {
  readonly #scenarios = new Map<string, ApiScenario>()

  /** Serves `POST`/`DELETE {SCENARIO_PATH}`; false for any other request. */
  async control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (url.pathname !== SCENARIO_PATH) return false
    if (req.method === 'DELETE') {
      const key = url.searchParams.get('key')
      if (key === null) this.#scenarios.clear()
      else if (isScenarioKey(key)) this.#scenarios.delete(key)
      res.writeHead(204).end()
      return true
    }
    // JSON only: a web page cannot send that cross-origin without a preflight, which fails.
    if (req.method !== 'POST' || req.headers['content-type'] !== 'application/json') {
      res.writeHead(req.method === 'POST' ? 415 : 405, { Allow: 'POST, DELETE' }).end()
      return true
    }
    try {
      const json = JSON.parse((await readBody(req, CONTROL_BODY_LIMIT)).toString('utf8')) as {
        key?: unknown
        scenario?: unknown
      }
      if (!isScenarioKey(json.key)) throw new TypeError('expected { "key", "scenario" }')
      this.#scenarios.set(json.key, parseApiScenario(json.scenario))
      res.writeHead(204).end()
    } catch (error) {
      res.writeHead(400, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }))
    }
    return true
  }

  /** The `WWW-Authenticate` value to refuse `req` with, when its browser's scenario says so. */
  challengeFor(req: IncomingMessage): string | undefined {
    const key = keyFromUserAgent(req.headers['user-agent'])
    const scenario = key === undefined ? undefined : this.#scenarios.get(key)
    if (!scenario || !WRITES.has(req.method ?? '')) return undefined
    const params = Object.entries(scenario.challengeWrites).map(([n, v]) => `${n}="${v}"`)
    return ['Bearer realm="tessera-hostile-api"', ...params].join(', ')
  }
}
