/**
 * What a hostile identity provider does to one browser's traffic. Shared by the tamper layer
 * (dev/hostile/tamper.ts) and the specs that set scenarios (e2e/security/).
 *
 * A scenario only ever applies to requests whose User-Agent carries `tessera-hostile/<key>`, the
 * key it was registered under; everyone else gets the real provider. Each e2e test uses its own
 * key, so tests running in parallel never see each other's scenario.
 */

/** `POST` `{ key, scenario }` sets a scenario; `DELETE ?key=…` forgets it (no key: all). */
export const SCENARIO_PATH = '/__hostile/scenario'

const UA_MARKER = 'tessera-hostile/'
const KEY_PATTERN = /^[A-Za-z0-9_-]{1,100}$/

/** JSON values; `null` in a patch removes the member or parameter. */
type Patch = Readonly<Record<string, unknown>>

export interface HostileScenario {
  /** Members of the discovery document to replace (`null` removes one). */
  readonly discovery?: Patch
  /** Rewrites the redirect that carries the authorization response back to the app. */
  readonly authorizationResponse?: AuthorizationResponseTamper
  /** Rewrites the token endpoint's answer. */
  readonly tokenResponse?: TokenResponseTamper
}

export interface AuthorizationResponseTamper {
  /** Query parameters to set (`null` removes one), e.g. `{ iss: 'https://evil.example' }`. */
  readonly params?: Readonly<Record<string, string | null>>
  /** Moves every parameter into the fragment (an implicit-style response). */
  readonly fragment?: boolean
  /**
   * Sends the response to this URL instead of the app (same parameters): an attacker who got
   * hold of a victim's genuine, unused response.
   */
  readonly divertTo?: string
}

export interface TokenResponseTamper {
  /** The grant whose response is tampered with; default `authorization_code`. */
  readonly grantType?: 'authorization_code' | 'refresh_token'
  /** Never answers (the code is redeemed, the response is held until the client gives up). */
  readonly hang?: boolean
  /** Answers this many milliseconds late. */
  readonly delayMs?: number
  /** Replaces the status code. */
  readonly status?: number
  /** Replaces the whole JSON body. */
  readonly body?: Patch
  /** Members of the JSON body to replace (`null` removes one). */
  readonly fields?: Patch
  /**
   * Rewrites and re-signs the ID token. A response without one (a refresh grant without
   * `openid`) gets one: the last ID token issued to the same browser, rewritten.
   */
  readonly idToken?: IdTokenTamper
}

export interface IdTokenTamper {
  /** Claims to replace (`null` removes one); times are absolute seconds since the epoch. */
  readonly claims?: Patch
  /** Text appended to string claims, e.g. `{ nonce: '-replayed' }`. */
  readonly append?: Readonly<Record<string, string>>
  /**
   * `provider` (default): the provider's own signing key, so only the claims are wrong.
   * `foreign-key`: a key the provider never published, with the provider's `kid`.
   * `none`: an unsecured JWT (`alg: none`, empty signature).
   */
  readonly sign?: 'provider' | 'foreign-key' | 'none'
}

/** The User-Agent that makes the hostile provider apply the scenario registered as `key`. */
export function userAgentWithKey(userAgent: string, key: string): string {
  if (!KEY_PATTERN.test(key)) throw new TypeError(`Invalid hostile scenario key "${key}"`)
  return `${userAgent} ${UA_MARKER}${key}`
}

/** The scenario key a request's User-Agent carries, if any. */
export function keyFromUserAgent(userAgent: string | undefined): string | undefined {
  const token = userAgent?.split(' ').find((part) => part.startsWith(UA_MARKER))
  const key = token?.slice(UA_MARKER.length)
  return key !== undefined && KEY_PATTERN.test(key) ? key : undefined
}

export function isScenarioKey(value: unknown): value is string {
  return typeof value === 'string' && KEY_PATTERN.test(value)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function record(what: string, value: unknown): Record<string, unknown> {
  if (!isRecord(value)) throw new TypeError(`${what} must be an object`)
  return value
}

function only(what: string, value: unknown, keys: readonly string[]): Record<string, unknown> {
  const object = record(what, value)
  const unknown = Object.keys(object).filter((key) => !keys.includes(key))
  if (unknown.length > 0) throw new TypeError(`${what} has unknown keys: ${unknown.join(', ')}`)
  return object
}

/**
 * Checks a scenario received as JSON. Unknown keys are refused, so a typo cannot turn a
 * hostile test into a test of the honest provider.
 */
export function parseScenario(json: unknown): HostileScenario {
  const scenario = only('scenario', json, ['discovery', 'authorizationResponse', 'tokenResponse'])
  if (scenario.discovery !== undefined) record('discovery', scenario.discovery)
  if (scenario.authorizationResponse !== undefined) {
    const response = only('authorizationResponse', scenario.authorizationResponse, [
      'params',
      'fragment',
      'divertTo',
    ])
    const divertTo = response.divertTo
    if (divertTo !== undefined && (typeof divertTo !== 'string' || !URL.canParse(divertTo))) {
      throw new TypeError('authorizationResponse.divertTo must be an absolute URL')
    }
    if (response.params !== undefined) {
      const params = record('authorizationResponse.params', response.params)
      for (const [name, value] of Object.entries(params)) {
        if (value !== null && typeof value !== 'string') {
          throw new TypeError(`authorizationResponse.params.${name} must be a string or null`)
        }
      }
    }
  }
  if (scenario.tokenResponse !== undefined) {
    const token = only('tokenResponse', scenario.tokenResponse, [
      'grantType',
      'hang',
      'delayMs',
      'status',
      'body',
      'fields',
      'idToken',
    ])
    if (token.body !== undefined) record('tokenResponse.body', token.body)
    if (token.fields !== undefined) record('tokenResponse.fields', token.fields)
    if (token.idToken !== undefined) {
      const idToken = only('tokenResponse.idToken', token.idToken, ['claims', 'append', 'sign'])
      if (idToken.claims !== undefined) record('tokenResponse.idToken.claims', idToken.claims)
      if (idToken.append !== undefined) record('tokenResponse.idToken.append', idToken.append)
    }
  }
  return scenario
}
