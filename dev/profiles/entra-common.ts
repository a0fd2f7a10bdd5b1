import { requireAuthContext } from '../api/cae'
import type { DevStack } from '../config'
import { entraApis, entraIdp, entraTokenIssuer } from './entra/quirks'
import { tenantIssuer, tenantOf } from './entra/tenants'
import type { ProviderProfile } from './profile'

const MOUNT_PATH = '/common'

/**
 * Microsoft Entra ID, multi-tenant: the `/common/v2.0` authority, whose discovery names the
 * `{tenantid}` template; alice and bob sign in from two tenants. Continuous Access Evaluation
 * on the APIs.
 */
export const entraCommon: ProviderProfile = {
  name: 'entra-common',
  summary:
    'Microsoft Entra ID, multi-tenant /common authority ({tenantid} issuer template, CAE, authentication-context step-up)',
  appConfig: (stack: DevStack) => {
    const [demo, notes] = entraApis(stack)
    return {
      authority: `${stack.issuer}${MOUNT_PATH}/v2.0`,
      clientId: stack.clientId,
      scopes: ['openid', 'profile', 'email', 'offline_access'],
      redirectPath: '/auth/callback',
      postLogoutRedirectPath: '/',
      oneResourcePerRequest: true,
      clientCapabilities: ['cp1'],
      apis: {
        demo: { baseUrl: stack.apiUrl, scopes: demo?.scopes },
        notes: { baseUrl: stack.notesApiUrl, scopes: notes?.scopes },
      },
      ...(stack.diagnostics ? { diagnostics: true } : {}),
    }
  },
  idp: entraIdp({
    mountPath: MOUNT_PATH,
    discoveryIssuer: (stack) => tenantIssuer(stack, '{tenantid}'),
    idTokenClaims: (stack, sub) => {
      const tid = tenantOf(sub)
      return { iss: tenantIssuer(stack, tid), tid, ver: '2.0' }
    },
  }),
  api: {
    tokenIssuer: entraTokenIssuer({ mountPath: MOUNT_PATH }),
    continuousAccessEvaluation: true,
    requireSecondFactor: requireAuthContext,
  },
}
