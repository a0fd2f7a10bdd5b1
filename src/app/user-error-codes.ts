import { ApiUnreachableError, isApiError } from '../api/client'
import { AUTH_ERROR_CODES, isAuthError } from '../auth/core'
import { ConfigError } from '../config'

/**
 * Every code a user can see in an alert: one closed set, each explained in
 * docs/troubleshooting.md (a test holds the two together).
 */
export const USER_ERROR_CODES = [
  ...AUTH_ERROR_CODES,
  /** config.json is missing, not JSON, has invalid keys or lacks an API the pages call. */
  'config_invalid',
  /** The API refused even a freshly issued token: it names another audience (config). */
  'api_token_rejected',
  /** The API refused the request (4xx). */
  'api_refused',
  /** The API failed (5xx). */
  'api_failed',
  /** The API could not be reached. */
  'api_unreachable',
  /** The user signed in more strongly and the API still refused (RFC 9470). */
  'step_up_refused',
  /** A page's code could not be downloaded (offline, or a deploy replaced it). */
  'page_unavailable',
  /** A bug: the app used Tessera in a way it cannot work. */
  'app_error',
  /** Diagnostics are on for a public origin. */
  'diagnostics_exposed',
  /** This device's clock is too far off to correct. */
  'device_clock_wrong',
  /** Nobody used the app for config.json's `idleTimeout`: every tab signed out. */
  'idle_timeout',
] as const

export type UserErrorCode = (typeof USER_ERROR_CODES)[number]

/** The code a failed API call (query or mutation) is shown with. */
export function apiFailureCode(error: unknown): UserErrorCode {
  if (isAuthError(error)) return error.code
  if (error instanceof ConfigError) return 'config_invalid'
  if (error instanceof ApiUnreachableError) return 'api_unreachable'
  if (isApiError(error)) {
    if (error.fix !== undefined) return 'api_token_rejected'
    return error.status >= 500 ? 'api_failed' : 'api_refused'
  }
  return 'app_error'
}
