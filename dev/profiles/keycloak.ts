import { appConfigFor, type DevStack } from '../config'
import type { ProviderProfile } from './profile'

export const KEYCLOAK_REALM = 'tessera'

/** The client id of each demo API in the realm, which an "Audience" mapper puts in `aud`. */
function apiClientId(stack: DevStack, apiUrl: string): string {
  return apiUrl === stack.notesApiUrl ? 'tessera-notes-api' : 'tessera-api'
}

/**
 * Keycloak: issuer `https://host/realms/{realm}`, endpoints below `/protocol/openid-connect/`;
 * no `resource` parameter, the scopes choose the API; `aud` holds the API's client id (from an
 * "Audience" mapper, which the docs ask for) beside `account`; token answers carry
 * `refresh_expires_in`; a refresh after the SSO session ended gets "Session not active".
 */
export const keycloak: ProviderProfile = {
  name: 'keycloak',
  summary: 'Keycloak (/realms/tessera, /protocol/openid-connect/…, audience mapper, account aud)',
  appConfig: (stack) => ({
    ...appConfigFor(stack),
    // Keycloak issues a refresh token bound to the SSO session without asking; offline_access
    // would get an offline token that outlives sign-out (and needs the offline_access role).
    scopes: ['openid', 'profile', 'email'],
    apis: {
      demo: { baseUrl: stack.apiUrl, scopes: [...stack.apiScopes] },
      notes: { baseUrl: stack.notesApiUrl, scopes: [...stack.notesApiScopes] },
    },
  }),
  issuer: (origin) => `${origin}/realms/${KEYCLOAK_REALM}`,
  routes: {
    authorization: '/protocol/openid-connect/auth',
    token: '/protocol/openid-connect/token',
    end_session: '/protocol/openid-connect/logout',
    jwks: '/protocol/openid-connect/certs',
    userinfo: '/protocol/openid-connect/userinfo',
    revocation: '/protocol/openid-connect/revoke',
  },
  apiSelection: 'scope',
  apiAudience: apiClientId,
  accessTokenClaims: (payload) => {
    const { aud } = payload
    if (typeof aud === 'string') payload.aud = [aud, 'account']
    payload.azp = payload.client_id
    payload.typ = 'Bearer'
  },
  tokenAnswer: (answer, stack) => {
    if (answer.body.error === 'invalid_grant' && answer.grantType === 'refresh_token') {
      answer.body.error_description = 'Session not active'
      return
    }
    if (typeof answer.body.access_token === 'string') {
      // Keycloak's refresh_expires_in follows the SSO session; Tessera warns before it ends.
      answer.body.refresh_expires_in = stack.lifetimes.refreshToken
      answer.body['not-before-policy'] = 0
    }
  },
}
