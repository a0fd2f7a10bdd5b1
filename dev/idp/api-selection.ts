/**
 * How the local provider decides which API an access token is for, per provider profile
 * (dev/profiles/): RFC 8707 `resource` (generic), Auth0's `audience`, or the requested scopes
 * alone (Okta, Keycloak). Internally every API stays an RFC 8707 resource indicator (its URL);
 * the vendor's parameter is translated to it before oidc-provider sees the request.
 */
import type { IncomingMessage } from 'node:http'
import type { ParsedUrlQuery } from 'node:querystring'
import type { Middleware } from 'koa'
import { errors } from 'oidc-provider'
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider'
import type { DevStack } from '../config'
import type { ApiSelection, ProviderProfile } from '../profiles'

type ResourceIndicators = NonNullable<NonNullable<Configuration['features']>['resourceIndicators']>

/** The demo APIs by resource indicator (their URL), with their scopes. */
export function apiScopes(stack: DevStack): ReadonlyMap<string, readonly string[]> {
  return new Map([
    [stack.apiUrl, stack.apiScopes],
    [stack.notesApiUrl, stack.notesApiScopes],
  ])
}

/** The APIs any of whose scopes the request asks for, in stack order. */
function apisForScopes(ctx: KoaContextWithOIDC, stack: DevStack, among: readonly string[]) {
  const requested = ctx.oidc.requestParamScopes
  const scopes = apiScopes(stack)
  return among.filter((url) => scopes.get(url)?.some((scope) => requested.has(scope)) === true)
}

/**
 * oidc-provider's `defaultResource`: which API(s) a request without a `resource` is for.
 * `oneOf` is what the grant allows when a token endpoint request must pick exactly one.
 */
function defaultResource(
  stack: DevStack,
  selection: ApiSelection,
): ResourceIndicators['defaultResource'] {
  return (ctx, _client, oneOf) => {
    if (selection === 'resource') {
      if (oneOf !== undefined) return oneOf.includes(stack.apiUrl) ? stack.apiUrl : oneOf
      const requested = ctx.oidc.requestParamScopes
      return stack.apiScopes.some((scope) => requested.has(scope)) ? stack.apiUrl : undefined
    }
    if (selection === 'audience') {
      // The authorization request's `audience` comes first (see rewriteAudience): Auth0 issues
      // the code's access token for it, and a refresh without `audience` keeps it.
      return oneOf?.[0]
    }
    // `scope`: one token per request, for the first API whose scopes were asked for.
    const candidates = oneOf ?? [...apiScopes(stack).keys()]
    const matching = apisForScopes(ctx, stack, candidates)
    if (oneOf !== undefined) return matching[0] ?? oneOf[0]
    return matching.length > 0 ? matching : undefined
  }
}

/** oidc-provider's resource indicators feature for `stack` as `profile` plays it. */
export function resourceIndicatorsFor(
  stack: DevStack,
  profile: ProviderProfile,
): ResourceIndicators {
  const scopes = apiScopes(stack)
  const selection = profile.apiSelection ?? 'resource'
  return {
    enabled: true,
    defaultResource: defaultResource(stack, selection),
    useGrantedResource: () => true,
    getResourceServerInfo: (_ctx, resourceIndicator, client) => {
      const scope = scopes.get(resourceIndicator)
      if (scope === undefined || client.clientId !== stack.clientId) {
        throw new errors.InvalidTarget()
      }
      return {
        scope: scope.join(' '),
        audience: profile.apiAudience?.(stack, resourceIndicator) ?? resourceIndicator,
        accessTokenFormat: 'jwt',
        accessTokenTTL: stack.lifetimes.accessToken,
        jwt: { sign: { alg: 'RS256' } },
      }
    },
  }
}

function values(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : value
}

/**
 * Rewrites the vendor's way of naming an API into RFC 8707 `resource` (which oidc-provider
 * understands), and drops a `resource` the vendor would ignore.
 * - `audience` (Auth0): `audience=X` on the authorization request becomes resources X plus
 *   every other API: Auth0's Multi-Resource Refresh Token lets the refresh token ask for any API
 *   in the application's refresh token policies, without asking the user again. On the token
 *   endpoint `audience=X` becomes `resource=X`; without `audience` the API scopes are dropped.
 * - `scope` (Okta, Keycloak): `resource` is dropped; the scopes choose (defaultResource).
 */
function rewrite(
  params: ParsedUrlQuery,
  selection: ApiSelection,
  stack: DevStack,
  authorization: boolean,
): void {
  if (selection === 'resource') return
  const [audience] = values(params.audience)
  delete params.resource
  delete params.audience
  if (selection !== 'audience') return
  if (audience === undefined) {
    // No audience, no API: Auth0 drops the scopes of APIs it was not asked for and answers
    // with a token for its /userinfo only (opaque to everyone else).
    if (!authorization) delete params.scope
    return
  }
  params.resource = authorization
    ? [audience, ...[...apiScopes(stack).keys()].filter((url) => url !== audience)]
    : audience
}

/**
 * Koa middleware (`provider.use`) applying `rewrite` to authorization requests (query) and
 * token requests (the form tokenRequestMiddleware already read into `req.body`).
 */
export function apiSelectionMiddleware(
  stack: DevStack,
  profile: ProviderProfile,
  paths: { readonly authorization: string; readonly token: string },
): Middleware {
  const selection = profile.apiSelection ?? 'resource'
  return async (ctx, next) => {
    if (selection !== 'resource') {
      if (ctx.method === 'GET' && ctx.path === paths.authorization) {
        const query = { ...ctx.query }
        rewrite(query, selection, stack, true)
        ctx.query = query
      } else if (ctx.method === 'POST' && ctx.path === paths.token) {
        const { body } = ctx.req as IncomingMessage & { body?: ParsedUrlQuery }
        if (body !== undefined) rewrite(body, selection, stack, false)
      }
    }
    await next()
  }
}
