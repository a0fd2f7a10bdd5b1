import type { Middleware } from 'koa'

import { appConfigFor } from '../config'
import type { IdpContext, ProviderProfile } from './profile'

/**
 * Auth0's `/v2/logout?client_id&returnTo`, which auth0-spa-js's `logout()` opens (it does not
 * read discovery's `end_session_endpoint`): ends the provider's session without asking, then
 * goes back to `returnTo` when the application allows it.
 */
function v2Logout({ stack, provider }: IdpContext): Middleware {
  return async (ctx, next) => {
    if (ctx.method !== 'GET' || ctx.path !== '/v2/logout') {
      await next()
      return
    }
    const session = await provider.Session.get(ctx)
    await session.destroy()
    const { returnTo } = ctx.query
    if (typeof returnTo === 'string' && stack.postLogoutRedirectUris.includes(returnTo)) {
      ctx.redirect(returnTo)
      return
    }
    ctx.type = 'text'
    ctx.body = 'You are signed out.'
  }
}

/**
 * Auth0: the issuer is the tenant's origin WITH a trailing slash
 * (`https://{tenant}.{region}.auth0.com/`), endpoints at `/authorize`, `/oauth/token`,
 * `/oidc/logout`; an API token needs the `audience` parameter (`resource` is ignored, and a
 * sign-in without `audience` gets a token for /userinfo only); other APIs come from the same
 * refresh token with `audience` (Multi-Resource Refresh Token); its own error wording; silent
 * sign-in in a hidden frame (`response_mode=web_message`) and `/v2/logout`, as auth0-spa-js uses
 * them.
 */
export const auth0: ProviderProfile = {
  name: 'auth0',
  summary: 'Auth0 (issuer with a trailing slash, /oauth/token, the audience parameter, MRRT)',
  appConfig: (stack) => ({
    ...appConfigFor(stack),
    apis: {
      demo: { baseUrl: stack.apiUrl, scopes: [...stack.apiScopes], audience: stack.apiUrl },
      notes: {
        baseUrl: stack.notesApiUrl,
        scopes: [...stack.notesApiScopes],
        audience: stack.notesApiUrl,
      },
    },
  }),
  issuer: (origin) => `${origin}/`,
  routes: {
    authorization: '/authorize',
    token: '/oauth/token',
    end_session: '/oidc/logout',
    jwks: '/.well-known/jwks.json',
    userinfo: '/userinfo',
    revocation: '/oauth/revoke',
  },
  apiSelection: 'audience',
  idp: {
    configure: (configuration) => ({
      ...configuration,
      features: {
        ...configuration.features,
        // oidc-provider's draft of the response mode Auth0 has long had (an experiment there).
        webMessageResponseMode: { enabled: true, ack: 'individual-draft-01' },
      },
    }),
    middleware: (context) => [v2Logout(context)],
  },
  // Auth0 adds its userinfo endpoint as a second audience when `openid` was asked for.
  accessTokenClaims: (payload, stack) => {
    const { aud } = payload
    if (typeof aud === 'string') payload.aud = [aud, `${stack.issuer}userinfo`]
    payload.azp = payload.client_id
  },
  // Auth0 answers a refused grant with 403 and its own wording.
  tokenAnswer: (answer) => {
    if (answer.body.error !== 'invalid_grant') return
    answer.status = 403
    answer.body.error_description =
      answer.grantType === 'refresh_token'
        ? 'Unknown or invalid refresh token.'
        : 'Invalid authorization code'
  },
}
