import type { Configuration } from 'oidc-provider'
import type { DevStack } from '../config'

/**
 * A provider the local identity provider can play: the quirks of one vendor (issuer shape,
 * paths, parameters, error codes, refresh token policy), reproduced so the app is tested
 * against them without the vendor's cloud. Chosen with TESSERA_PROFILE.
 */
export interface ProviderProfile {
  readonly name: string
  /** One line for `npm start`'s banner and the docs. */
  readonly summary: string
  /** The `config.json` a user of this provider would write, pointed at the local stack. */
  appConfig(stack: DevStack): Record<string, unknown>
  /**
   * Reshapes the local provider's oidc-provider configuration (client registration, refresh
   * token policy, CORS, …) into this vendor's. Without it, the generic configuration as is.
   */
  idpConfiguration?(configuration: Configuration, stack: DevStack): Configuration
}
