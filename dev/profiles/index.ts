import { HOST, type DevStack } from '../config'
import { auth0 } from './auth0'
import { entraB2c } from './entra-b2c'
import { entraCommon } from './entra-common'
import { generic } from './generic'
import { noRefreshToken } from './no-refresh-token'
import { keycloak } from './keycloak'
import { okta } from './okta'
import type { ProviderProfile } from './profile'

export type { ApiSelection, ProviderProfile, ProviderRoutes, TokenAnswer } from './profile'

/** Every profile, by name. The e2e suite runs one project per profile (e2e/providers/). */
export const PROFILES: ReadonlyMap<string, ProviderProfile> = new Map(
  [generic, entraCommon, entraB2c, auth0, okta, keycloak, noRefreshToken].map((profile) => [
    profile.name,
    profile,
  ]),
)

/** The profile the stack plays; throws with the list of names when there is no such profile. */
export function profileOf(stack: Pick<DevStack, 'profile'>): ProviderProfile {
  const profile = PROFILES.get(stack.profile)
  if (profile === undefined) {
    throw new Error(
      `TESSERA_PROFILE "${stack.profile}" is not a provider profile; choose one of: ${[...PROFILES.keys()].join(', ')}`,
    )
  }
  return profile
}

/**
 * The stack with the issuer its profile's provider names (e.g. Keycloak's `/realms/tessera`).
 * Idempotent: the issuer is always derived from the provider's port.
 */
export function withProfile(stack: DevStack): DevStack {
  const { issuer } = profileOf(stack)
  return issuer === undefined
    ? stack
    : { ...stack, issuer: issuer(`http://${HOST}:${String(stack.idpPort)}`) }
}
