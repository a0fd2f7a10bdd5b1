import { appConfigFor } from '../config'
import type { ProviderProfile } from './profile'

/** Okta's custom authorization servers have one audience each; `default` has this one. */
export const OKTA_DEFAULT_AUDIENCE = 'api://default'

/**
 * Okta, custom authorization server `default`: issuer `https://{org}.okta.com/oauth2/default`,
 * endpoints `/v1/authorize`, `/v1/token`, `/v1/logout`, `/v1/keys`; no `resource` parameter: every
 * access token has the server's one audience (`api://default`) and the requested scopes say
 * which API it is for.
 */
export const okta: ProviderProfile = {
  name: 'okta',
  summary: 'Okta custom authorization server (/oauth2/default/v1/…, audience api://default)',
  appConfig: (stack) => ({
    ...appConfigFor(stack),
    apis: {
      demo: { baseUrl: stack.apiUrl, scopes: [...stack.apiScopes] },
      notes: { baseUrl: stack.notesApiUrl, scopes: [...stack.notesApiScopes] },
    },
  }),
  issuer: (origin) => `${origin}/oauth2/default`,
  routes: {
    authorization: '/v1/authorize',
    token: '/v1/token',
    end_session: '/v1/logout',
    jwks: '/v1/keys',
    userinfo: '/v1/userinfo',
    revocation: '/v1/revoke',
  },
  apiSelection: 'scope',
  apiAudience: () => OKTA_DEFAULT_AUDIENCE,
  tokenAnswer: (answer) => {
    if (answer.body.error === 'invalid_grant' && answer.grantType === 'refresh_token') {
      answer.body.error_description = 'The refresh token is invalid or expired.'
    }
  },
}
