import type { DevStack } from '../config'
import { entraB2c } from './entra-b2c'
import { entraCommon } from './entra-common'
import { generic } from './generic'
import type { ProviderProfile } from './profile'

export type { ProviderProfile } from './profile'

/** Every profile, by name. The e2e suite runs one project per profile (e2e/providers/). */
export const PROFILES: ReadonlyMap<string, ProviderProfile> = new Map(
  [generic, entraCommon, entraB2c].map((profile) => [profile.name, profile]),
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
