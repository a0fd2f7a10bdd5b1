/**
 * The local identity provider playing Microsoft Entra ID (v2 endpoints) or Azure AD B2C, on top
 * of oidc-provider. What differs from a generic provider, and how it is reproduced:
 *
 * - paths: `/<tenant>/oauth2/v2.0/{authorize,token,logout}`, keys at `/discovery/v2.0/keys`,
 *   discovery at `/<tenant>/v2.0/.well-known/openid-configuration` (mount + aliases);
 * - issuer: discovery names a `{tenantid}` template (multi-tenant) or an issuer unlike the
 *   authority (B2C); ID tokens carry `tid` and that tenant's issuer (re-signed here);
 * - no RFC 9207 `iss` in the authorization response, no revocation endpoint;
 * - one resource per request, chosen by scope (`<App ID URI>/<permission>`); `resource` refused
 *   (AADSTS901002), scopes of two resources refused (AADSTS28000), a code redemption without
 *   scope refused (AADSTS28003); the app registration's API permissions are consented, so the
 *   refresh token serves every API;
 * - `claims` with `xms_cc` (client capabilities) puts `xms_cc` in the access token (CAE);
 * - errors carry AADSTS codes in `error_description`.
 */
import type { IncomingMessage } from 'node:http'
import type { ParsedUrlQuery } from 'node:querystring'
import type { Middleware } from 'koa'
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider'
import { errors } from 'oidc-provider'
import { AUTH_CONTEXT } from '../../api/cae'
import { ACR_SECOND_FACTOR, type DevStack } from '../../config'
import { IdTokenForger } from '../../hostile/id-token'
import type { IdpContext, IdpQuirks } from '../profile'
import { entraRefusal, entraScopes, type OAuthError, resourcesIn } from './scopes'

export const ENTRA_ROUTES = {
  authorization: '/oauth2/v2.0/authorize',
  token: '/oauth2/v2.0/token',
  jwks: '/discovery/v2.0/keys',
  end_session: '/oauth2/v2.0/logout',
  userinfo: '/oidc/userinfo',
} as const

export const ENTRA_DISCOVERY_PATH = '/v2.0/.well-known/openid-configuration'

export interface EntraOptions {
  /** Where the tenant (or B2C policy) lives, e.g. `/common`, `/<tenant>/B2C_1_signin`. */
  readonly mountPath: string
  /** The `issuer` discovery names: a `{tenantid}` template, or B2C's tenant issuer. */
  discoveryIssuer(stack: DevStack): string
  /** The claims that make an ID token of user `sub` look like this vendor's (`iss`, `tid`…). */
  idTokenClaims(stack: DevStack, sub: string): Readonly<Record<string, unknown>>
}

/** The APIs of the stack as Entra app registrations: App ID URI = the API's URL. */
export function entraApis(stack: DevStack) {
  return [
    { resource: stack.apiUrl, scopes: entraScopes(stack.apiUrl, stack.apiScopes) },
    { resource: stack.notesApiUrl, scopes: entraScopes(stack.notesApiUrl, stack.notesApiScopes) },
  ]
}

function field(form: ParsedUrlQuery, name: string): string | undefined {
  const value = form[name]
  return typeof value === 'string' ? value : undefined
}

function all(form: ParsedUrlQuery, name: string): string[] {
  const value = form[name]
  return value === undefined ? [] : [value].flat()
}

function tokenForm(ctx: { req: IncomingMessage }): ParsedUrlQuery | undefined {
  return (ctx.req as IncomingMessage & { body?: ParsedUrlQuery }).body
}

interface AccessTokenClaimsRequest {
  readonly xms_cc?: { readonly values?: unknown }
  readonly acrs?: { readonly value?: unknown; readonly values?: unknown }
}

/** The `access_token` member of an OIDC `claims` request (OIDC Core §5.5), if any. */
function accessTokenClaims(claims: string | undefined): AccessTokenClaimsRequest | undefined {
  try {
    const parsed = JSON.parse(claims ?? 'null') as {
      access_token?: AccessTokenClaimsRequest
    } | null
    return parsed?.access_token ?? undefined
  } catch {
    return undefined
  }
}

/** The client capabilities a token request's `claims` announces (`access_token.xms_cc`). */
function capabilitiesOf(claims: string | undefined): string[] | undefined {
  const values = accessTokenClaims(claims)?.xms_cc?.values
  return Array.isArray(values) ? values.filter((v) => typeof v === 'string') : undefined
}

/** Whether `claims` asks for the authentication context that needs a second factor. */
function asksForAuthContext(claims: string | undefined): boolean {
  const acrs = accessTokenClaims(claims)?.acrs
  const values: unknown[] = Array.isArray(acrs?.values) ? acrs.values : []
  const wanted = [acrs?.value, ...values]
  return wanted.includes(AUTH_CONTEXT)
}

/** Plain oidc-provider errors, described the way Entra does (with an AADSTS code). */
const AADSTS_FOR: Readonly<Record<string, string>> = {
  invalid_grant: 'AADSTS70000: The provided grant is invalid or malformed.',
  invalid_scope: "AADSTS70011: The provided value for the input parameter 'scope' is not valid.",
  access_denied: 'AADSTS65004: User declined to consent to access the app.',
  login_required: 'AADSTS50058: A silent sign-in request was sent but no user is signed in.',
  consent_required:
    'AADSTS65001: The user or administrator has not consented to use the application.',
}

function described(error: string, description: string | undefined): string | undefined {
  if (description?.includes('AADSTS')) return description
  const aadsts = AADSTS_FOR[error]
  if (aadsts === undefined) return description
  return description ? `${aadsts} (${description})` : aadsts
}

function configure() {
  return (configuration: Configuration, stack: DevStack): Configuration => {
    const apis = entraApis(stack)
    const baseClaims = configuration.extraTokenClaims
    const baseRenderError = configuration.renderError
    return {
      ...configuration,
      routes: { ...configuration.routes, ...ENTRA_ROUTES },
      // CAE: a client that announced capability cp1 gets tokens saying so (`xms_cc`).
      // An authentication with the second factor satisfies the authentication context (`acrs`).
      extraTokenClaims: async (ctx, token) => {
        const base = (await baseClaims?.(ctx, token)) ?? undefined
        const form = tokenForm(ctx)
        const capabilities = form && capabilitiesOf(field(form, 'claims'))
        const { AuthorizationCode, RefreshToken } = ctx.oidc.entities
        const strong = (AuthorizationCode ?? RefreshToken)?.acr === ACR_SECOND_FACTOR
        return {
          ...base,
          ...(capabilities?.length ? { xms_cc: capabilities } : {}),
          ...(strong ? { acrs: [AUTH_CONTEXT] } : {}),
        }
      },
      renderError: async (ctx, out, error) => {
        if (out.error === 'invalid_redirect_uri') {
          const requested = ctx.oidc.params?.redirect_uri
          const uri = typeof requested === 'string' ? requested : ''
          out.error_description = `AADSTS50011: The redirect URI '${uri}' specified in the request does not match the redirect URIs configured for the application '${stack.clientId}'.`
        }
        await baseRenderError?.(ctx, out, error)
      },
      features: {
        ...configuration.features,
        // Entra has no revocation endpoint: sign-out ends the session at the provider.
        revocation: { enabled: false },
        resourceIndicators: {
          enabled: true,
          // The middleware below always names the resource Entra would infer from the scopes.
          defaultResource: (_ctx, _client, oneOf) => oneOf?.[0],
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx, indicator, client) => {
            const api = apis.find((candidate) => candidate.resource === indicator)
            if (api === undefined || client.clientId !== stack.clientId) {
              throw new errors.InvalidTarget()
            }
            return {
              scope: api.scopes.join(' '),
              audience: indicator,
              accessTokenFormat: 'jwt',
              accessTokenTTL: stack.lifetimes.accessToken,
              jwt: { sign: { alg: 'RS256' } },
            }
          },
        },
      },
    }
  }
}

function middleware(options: EntraOptions) {
  return ({ stack, signingKey, provider }: IdpContext): Middleware[] => {
    const forger = new IdTokenForger(signingKey)
    const apis = entraApis(stack)
    const redirectUris = new Set(stack.redirectUris)

    const authorize: Middleware = async (ctx, next) => {
      const query = new URLSearchParams(ctx.querystring)
      const redirectUri = query.get('redirect_uri') ?? ''
      const refusal = entraRefusal(query.getAll('resource'), query.get('scope') ?? undefined)
      if (refusal !== undefined && redirectUris.has(redirectUri)) {
        redirectWithError(ctx, redirectUri, query.get('state'), refusal)
        return
      }
      // The app registration's API permissions have admin consent: the grant covers them all,
      // so one refresh token serves every API (one resource per token request).
      const scopes = new Set((query.get('scope') ?? '').split(' ').filter(Boolean))
      for (const api of apis) {
        for (const scope of api.scopes) scopes.add(scope)
        query.append('resource', api.resource)
      }
      query.set('scope', [...scopes].join(' '))
      // Conditional Access for the authentication context: a second factor.
      if (asksForAuthContext(query.get('claims') ?? undefined)) {
        query.set('acr_values', ACR_SECOND_FACTOR)
      }
      ctx.querystring = query.toString()
      await next()
    }

    /** A token endpoint error answered here, with the CORS headers the app's origin needs. */
    const refuse = (
      ctx: KoaContextWithOIDC,
      error: OAuthError & { readonly suberror?: string },
    ) => {
      if (ctx.get('Origin') === stack.appOrigin) {
        ctx.set('Access-Control-Allow-Origin', stack.appOrigin)
      }
      ctx.vary('Origin')
      ctx.set('Cache-Control', 'no-store')
      ctx.status = 400
      ctx.body = error
    }

    const token = async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
      const form = tokenForm(ctx)
      if (form === undefined) {
        await next()
        return
      }
      const scope = field(form, 'scope')
      const refusal = entraRefusal(all(form, 'resource'), scope)
      if (refusal !== undefined) {
        refuse(ctx, refusal)
        return
      }
      const [resource] = resourcesIn(scope)
      if (field(form, 'grant_type') === 'authorization_code' && resource === undefined) {
        refuse(ctx, {
          error: 'invalid_request',
          error_description:
            'AADSTS28003: Provided value for the input parameter scope cannot be empty when requesting an access token using the provided authorization code. Please specify a valid scope.',
        })
        return
      }
      if (
        field(form, 'grant_type') === 'refresh_token' &&
        asksForAuthContext(field(form, 'claims')) &&
        (await provider.RefreshToken.find(field(form, 'refresh_token') ?? ''))?.acr !==
          ACR_SECOND_FACTOR
      ) {
        // The refresh token is left unused: the user can still use it once they have stepped up.
        refuse(ctx, {
          error: 'invalid_grant',
          error_description:
            'AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access this resource.',
          suberror: 'basic_action',
        })
        return
      }
      // oidc-provider wants the RFC 8707 name of the resource Entra infers from the scopes.
      if (resource !== undefined) form.resource = resource
      await next()
      const body: unknown = ctx.body
      if (typeof body !== 'object' || body === null) return
      const answer = body as Record<string, unknown>
      if (typeof answer.error === 'string') {
        const description = described(answer.error, answer.error_description as string | undefined)
        ctx.body = { ...answer, error_description: description }
        return
      }
      const idToken = answer.id_token
      const sub = ctx.oidc.entities.Account?.accountId
      if (typeof idToken === 'string' && sub !== undefined) {
        const claims = options.idTokenClaims(stack, sub)
        ctx.body = { ...answer, id_token: await forger.forge(idToken, { claims }) }
      }
    }

    return [
      async (ctx, next) => {
        const oidcCtx = ctx as unknown as KoaContextWithOIDC
        if (ctx.method === 'GET' && ctx.path === ENTRA_ROUTES.authorization) {
          await authorize(ctx, next)
        } else if (ctx.method === 'POST' && ctx.path === ENTRA_ROUTES.token) {
          await token(oidcCtx, next)
        } else {
          await next()
        }
        // Typed as always present; absent on requests oidc-provider did not route.
        const route = (oidcCtx.oidc as KoaContextWithOIDC['oidc'] | undefined)?.route
        if (route === 'discovery' && typeof ctx.body === 'object' && ctx.body !== null) {
          const { authorization_response_iss_parameter_supported: _iss, ...rest } =
            ctx.body as Record<string, unknown>
          ctx.body = { ...rest, issuer: options.discoveryIssuer(stack) }
        }
        rewriteAuthorizationResponse(ctx, redirectUris)
      },
    ]
  }
}

type KoaLike = Parameters<Middleware>[0]

function redirectWithError(
  ctx: KoaLike,
  redirectUri: string,
  state: string | null,
  error: OAuthError,
): void {
  const url = new URL(redirectUri)
  url.searchParams.set('error', error.error)
  url.searchParams.set('error_description', error.error_description)
  if (state !== null) url.searchParams.set('state', state)
  ctx.redirect(url.href)
}

/** Entra sends no RFC 9207 `iss`, and explains errors with AADSTS codes. */
function rewriteAuthorizationResponse(ctx: KoaLike, redirectUris: ReadonlySet<string>): void {
  const location = ctx.response.get('Location')
  if (ctx.status < 300 || ctx.status > 399 || !URL.canParse(location)) return
  const url = new URL(location)
  if (!redirectUris.has(`${url.origin}${url.pathname}`)) return
  url.searchParams.delete('iss')
  const error = url.searchParams.get('error')
  if (error !== null) {
    const description = described(error, url.searchParams.get('error_description') ?? undefined)
    if (description !== undefined) url.searchParams.set('error_description', description)
  }
  ctx.redirect(url.href)
}

/** The identity provider quirks of an Entra-family profile. */
export function entraIdp(options: EntraOptions): IdpQuirks {
  return {
    mountPath: options.mountPath,
    discoveryPath: ENTRA_DISCOVERY_PATH,
    configure: configure(),
    middleware: middleware(options),
  }
}

/** Where the APIs find the keys of an Entra-family profile's provider (no discovery needed). */
export function entraTokenIssuer(options: Pick<EntraOptions, 'mountPath'>) {
  return (stack: DevStack) => ({
    issuer: `${stack.issuer}${options.mountPath}`,
    jwksUri: `${stack.issuer}${options.mountPath}${ENTRA_ROUTES.jwks}`,
  })
}
