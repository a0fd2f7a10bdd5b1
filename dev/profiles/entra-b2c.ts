import type { DevStack } from '../config'
import { entraApis, entraIdp, entraTokenIssuer } from './entra/quirks'
import { B2C_TENANT } from './entra/tenants'
import type { ProviderProfile } from './profile'

const POLICY = 'B2C_1_signin'
/** `https://<tenant>.b2clogin.com/<tenant>.onmicrosoft.com/<policy>/…`, on the local IdP. */
const MOUNT_PATH = `/tessera.onmicrosoft.com/${POLICY}`

/** B2C names the tenant's issuer, not the policy's authority URL (OIDC Discovery §4.3 aside). */
function b2cIssuer(stack: DevStack): string {
  return `${stack.issuer}/${B2C_TENANT}/v2.0/`
}

/**
 * Azure AD B2C: a user flow (policy) in the authority path, and an issuer that differs from
 * the authority, which config.json states as `issuer`.
 */
export const entraB2c: ProviderProfile = {
  name: 'entra-b2c',
  summary: 'Azure AD B2C, a user flow in the authority path and an issuer unlike the authority',
  appConfig: (stack: DevStack) => {
    const [demo, notes] = entraApis(stack)
    return {
      authority: `${stack.issuer}${MOUNT_PATH}/v2.0`,
      issuer: b2cIssuer(stack),
      clientId: stack.clientId,
      scopes: ['openid', 'profile', 'offline_access'],
      redirectPath: '/auth/callback',
      postLogoutRedirectPath: '/',
      oneResourcePerRequest: true,
      apis: {
        demo: { baseUrl: stack.apiUrl, scopes: demo?.scopes },
        notes: { baseUrl: stack.notesApiUrl, scopes: notes?.scopes },
      },
      ...(stack.diagnostics ? { diagnostics: true } : {}),
    }
  },
  idp: entraIdp({
    mountPath: MOUNT_PATH,
    discoveryIssuer: b2cIssuer,
    idTokenClaims: (stack) => ({ iss: b2cIssuer(stack), tfp: POLICY, ver: '1.0' }),
  }),
  api: { tokenIssuer: entraTokenIssuer({ mountPath: MOUNT_PATH }) },
}
