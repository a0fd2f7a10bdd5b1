/**
 * The hostile identity provider: a tampering layer inside the real dev provider (oidc-provider),
 * mounted with `provider.use` when the IdP runs with `TESSERA_HOSTILE=1`. The provider does all
 * the real work (login, codes, tokens, CORS); this rewrites what it answers, per scenario
 * (./scenario.ts), before Koa sends it:
 *
 * - the discovery document (`issuer`, `authorization_response_iss_parameter_supported`, …);
 * - the redirect carrying the authorization response to the app (`iss`, `error`, fragment, …);
 * - the token response (fields, status, delay, hang, and the ID token re-signed with changed
 *   claims, a foreign key or `alg: none`).
 *
 * Loopback test tool only: never enable it anywhere real.
 */
import type { DefaultContext, DefaultState, Middleware, ParameterizedContext } from 'koa'
import type { JWK } from 'jose'
import type { OIDCContext } from 'oidc-provider'
import type { DevStack } from '../config'
import { readBody } from '../idp/body'
import { IdTokenForger } from './id-token'
import {
  type AuthorizationResponseTamper,
  type HostileScenario,
  isScenarioKey,
  keyFromUserAgent,
  parseScenario,
  SCENARIO_PATH,
  type TokenResponseTamper,
} from './scenario'

export interface HostileOptions {
  readonly stack: DevStack
  /** The provider's private signing key, to re-sign tampered ID tokens as the provider. */
  readonly signingKey: JWK
}

type Context = ParameterizedContext<DefaultState, DefaultContext & { oidc?: OIDCContext }>

const CONTROL_BODY_LIMIT = 64 * 1024
/** A hanging response is given up after this long, should the client never go away. */
const MAX_HANG_MS = 120_000

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `target` with `patch` applied: members set, `null` members removed. */
function applyPatch(
  target: Readonly<Record<string, unknown>>,
  patch: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries({ ...target, ...patch }).filter(([, value]) => value !== null),
  )
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Rewrites an authorization response URL (the app's redirect_uri with the response). */
export function tamperAuthorizationResponse(
  location: string,
  tamper: AuthorizationResponseTamper,
): string {
  const url = new URL(location)
  for (const [name, value] of Object.entries(tamper.params ?? {})) {
    if (value === null) url.searchParams.delete(name)
    else url.searchParams.set(name, value)
  }
  if (tamper.fragment === true) {
    url.hash = url.searchParams.toString()
    url.search = ''
  }
  if (tamper.divertTo !== undefined) {
    const diverted = new URL(tamper.divertTo)
    diverted.search = url.search
    diverted.hash = url.hash
    return diverted.href
  }
  return url.href
}

/** Holds the response until the client gives up (closes the connection). */
function hangUntilClientLeaves(ctx: Context): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, MAX_HANG_MS)
    ctx.res.once('close', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/** The Koa middleware; see the module comment. */
export function hostileMiddleware(options: HostileOptions): Middleware<DefaultState, Context> {
  const scenarios = new Map<string, HostileScenario>()
  /** The last ID token issued to each scenario key, to add one where the provider did not. */
  const lastIdTokens = new Map<string, string>()
  const forger = new IdTokenForger(options.signingKey)
  const redirectUris = new Set(options.stack.redirectUris)

  async function control(ctx: Context): Promise<void> {
    ctx.set('Cache-Control', 'no-store')
    if (ctx.method === 'DELETE') {
      const key = ctx.query.key
      if (key === undefined) {
        scenarios.clear()
        lastIdTokens.clear()
      } else if (isScenarioKey(key)) {
        scenarios.delete(key)
        lastIdTokens.delete(key)
      }
      ctx.status = 204
      return
    }
    if (ctx.method !== 'POST') {
      ctx.set('Allow', 'POST, DELETE')
      ctx.status = 405
      return
    }
    // JSON only: a web page cannot send that cross-origin without a preflight, which fails.
    if (!ctx.is('application/json')) {
      ctx.status = 415
      return
    }
    try {
      const json: unknown = JSON.parse(
        (await readBody(ctx.req, CONTROL_BODY_LIMIT)).toString('utf8'),
      )
      if (!isRecord(json) || !isScenarioKey(json.key)) {
        throw new TypeError('expected { "key": "<[A-Za-z0-9_-]{1,100}>", "scenario": {…} }')
      }
      scenarios.set(json.key, parseScenario(json.scenario))
      ctx.status = 204
    } catch (error) {
      ctx.status = 400
      ctx.body = { error: error instanceof Error ? error.message : String(error) }
    }
  }

  function tamperRedirect(ctx: Context, tamper: AuthorizationResponseTamper): void {
    const location = ctx.response.get('Location')
    if (ctx.status < 300 || ctx.status > 399 || !URL.canParse(location)) return
    const url = new URL(location)
    if (!redirectUris.has(`${url.origin}${url.pathname}`)) return
    // ctx.redirect keeps the 303 and rewrites the body that names the location.
    ctx.redirect(tamperAuthorizationResponse(location, tamper))
  }

  async function tamperToken(
    ctx: Context,
    key: string,
    tamper: TokenResponseTamper,
  ): Promise<void> {
    const issued = isRecord(ctx.body) ? ctx.body.id_token : undefined
    if (typeof issued === 'string') lastIdTokens.set(key, issued)
    const grantType = ctx.oidc?.params?.grant_type
    if (grantType !== (tamper.grantType ?? 'authorization_code')) return
    if (tamper.hang === true) {
      await hangUntilClientLeaves(ctx)
      return
    }
    if (tamper.delayMs !== undefined) await sleep(tamper.delayMs)
    if (isRecord(ctx.body)) {
      let body: Record<string, unknown> = tamper.body ? { ...tamper.body } : ctx.body
      if (tamper.fields) body = applyPatch(body, tamper.fields)
      const base = typeof body.id_token === 'string' ? body.id_token : lastIdTokens.get(key)
      if (tamper.idToken && base !== undefined) {
        body = { ...body, id_token: await forger.forge(base, tamper.idToken) }
      }
      ctx.body = body
    }
    if (tamper.status !== undefined) ctx.status = tamper.status
  }

  return async (ctx, next) => {
    if (ctx.path === SCENARIO_PATH) {
      await control(ctx)
      return
    }
    const key = keyFromUserAgent(ctx.get('User-Agent'))
    const scenario = key === undefined ? undefined : scenarios.get(key)
    await next()
    if (key === undefined || scenario === undefined) return

    const route = ctx.oidc?.route
    if (route === 'discovery' && scenario.discovery && isRecord(ctx.body)) {
      ctx.body = applyPatch(ctx.body, scenario.discovery)
    }
    if (scenario.authorizationResponse) tamperRedirect(ctx, scenario.authorizationResponse)
    if (route === 'token' && scenario.tokenResponse) {
      await tamperToken(ctx, key, scenario.tokenResponse)
    }
  }
}
