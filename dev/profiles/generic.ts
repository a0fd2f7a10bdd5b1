import { appConfigFor } from '../config'
import type { ProviderProfile } from './profile'

/** A standards-compliant OpenID provider: RFC 8707 resources, RFC 9207 `iss`, rotation. */
export const generic: ProviderProfile = {
  name: 'generic',
  summary: 'a standards-compliant OpenID provider (RFC 8707 resources, rotating refresh tokens)',
  appConfig: appConfigFor,
}
