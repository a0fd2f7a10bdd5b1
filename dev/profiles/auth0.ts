import { appConfigFor } from '../config'
import type { ProviderProfile } from './profile'

/**
 * Auth0: the issuer is the tenant's origin WITH a trailing slash
 * (`https://{tenant}.{region}.auth0.com/`), endpoints at `/authorize`, `/oauth/token`,
 * `/oidc/logout`; an API token needs the `audience` parameter (`resource` is ignored, and a
 * sign-in without `audience` gets a token for /userinfo only); other APIs come from the same
 * refresh token with `audience` (Multi-Resource Refresh Token); its own error wording.
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
