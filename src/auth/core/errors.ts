/**
 * Every way authentication can fail, as a closed set of codes a user can look up in
 * docs/troubleshooting.md. The provider's own `error`/`error_description` are kept as received.
 */
export const AUTH_ERROR_CODES = [
  /** The provider answered the authorization request with `error=` (e.g. access_denied). */
  'provider_error',
  /** The callback URL is not one this tab started, was already used, or is malformed. */
  'callback_invalid',
  /** Discovery or the authorization response named another issuer than the configured one. */
  'issuer_mismatch',
  /** The discovery document could not be loaded or is unusable. */
  'discovery_failed',
  /** The ID token failed validation (signature, iss, aud, exp, nonce, …). */
  'id_token_invalid',
  /** The token endpoint answered something that is not a usable bearer token response. */
  'token_response_invalid',
  /** The token endpoint refused the request (other than an expired session). */
  'token_request_failed',
  /** The session can't be renewed silently; the user must sign in again. */
  'interaction_required',
  /**
   * Silent (iframe) renewal got `login_required` from a provider on another site than the app:
   * the browser withholds its session cookie from the hidden frame (third-party cookies).
   */
  'third_party_cookies_blocked',
  /** The hidden renewal frame got no answer in time (framing refused, redirect URI unknown). */
  'silent_renewal_timeout',
  /** The user signed out in another tab of this app. */
  'signed_out',
  /** The provider did not answer in time. */
  'timeout',
  /** The provider could not be reached. */
  'network_error',
] as const

export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number]

/** Codes of lazily loaded features carry their texts in their own chunk, off the first load. */
type CodeWithDefaultText = Exclude<
  AuthErrorCode,
  'third_party_cookies_blocked' | 'silent_renewal_timeout'
>

const DEFAULT_TEXT: Record<CodeWithDefaultText, { message: string; fix: string }> = {
  provider_error: {
    message: 'The identity provider did not sign you in.',
    fix: 'Try signing in again. If it keeps failing, ask your administrator to check the app registration.',
  },
  callback_invalid: {
    message: 'This sign-in response was already used or was not started in this tab.',
    fix: 'Start the sign-in again from this tab.',
  },
  issuer_mismatch: {
    message: 'The identity provider identified itself as a different issuer than configured.',
    fix: 'Check that "authority" in config.json is exactly the issuer of your provider.',
  },
  discovery_failed: {
    message: 'The identity provider’s configuration could not be loaded.',
    fix: 'Check that "authority" in config.json is right and that the provider allows this origin (CORS).',
  },
  id_token_invalid: {
    message: 'The identity provider returned an ID token that failed validation.',
    fix: 'Sign in again. If it keeps failing, check "authority" and "clientId" in config.json and the device clock.',
  },
  token_response_invalid: {
    message: 'The identity provider returned an unusable token response.',
    fix: 'Sign in again. If it keeps failing, check the provider’s app registration.',
  },
  token_request_failed: {
    message: 'The identity provider refused to issue tokens.',
    fix: 'Sign in again. If it keeps failing, check the app registration (SPA platform, redirect URI).',
  },
  interaction_required: {
    message: 'Your session has expired.',
    fix: 'Sign in again; you will come back to this page.',
  },
  signed_out: {
    message: 'You signed out in another tab.',
    fix: 'Sign in again to continue here.',
  },
  timeout: {
    message: 'The identity provider did not answer in time.',
    fix: 'Check your connection and try again.',
  },
  network_error: {
    message: 'The identity provider could not be reached.',
    fix: 'Check your connection and try again.',
  },
}

export interface AuthErrorOptions extends ErrorOptions {
  readonly message?: string
  readonly fix?: string
  /** The provider's OAuth `error`, as received. */
  readonly providerError?: string
  /** The provider's `error_description`, as received. */
  readonly providerErrorDescription?: string
}

/** The one error type the auth core throws. Never carries a token or an authorization code. */
export class AuthError extends Error {
  override readonly name = 'AuthError'
  readonly code: AuthErrorCode
  /** What the user or deployer can do about it. */
  readonly fix: string
  readonly providerError: string | undefined
  readonly providerErrorDescription: string | undefined

  constructor(code: CodeWithDefaultText, options?: AuthErrorOptions)
  constructor(code: AuthErrorCode, options: AuthErrorOptions & { message: string; fix: string })
  constructor(code: AuthErrorCode, options: AuthErrorOptions = {}) {
    const text = DEFAULT_TEXT[code as CodeWithDefaultText] as
      { message: string; fix: string } | undefined
    const { cause, ...rest } = options
    super(options.message ?? text?.message, {
      ...rest,
      ...(cause === undefined ? {} : { cause: safeCause(cause) }),
    })
    this.code = code
    this.fix = options.fix ?? text?.fix ?? ''
    this.providerError = options.providerError
    this.providerErrorDescription = options.providerErrorDescription
  }
}

/**
 * SEC-37: what a cause may keep. oidc-client-ts's `ErrorResponse` holds the request form (a
 * refresh token, a code and its verifier): only an error's name and message go on, and the
 * provider's `error`/`error_description` are kept apart, as received.
 */
function safeCause(cause: unknown): Error | undefined {
  if (cause instanceof AuthError) return cause
  if (!(cause instanceof Error)) return undefined
  const copy = new Error(cause.message)
  copy.name = cause.name
  return copy
}

export function isAuthError(error: unknown, code?: AuthErrorCode): error is AuthError {
  return error instanceof AuthError && (code === undefined || error.code === code)
}

/**
 * Failures that ended the session: the user signs in again and comes back to the same page with
 * their work kept.
 */
export function isSignInRequired(error: unknown): error is AuthError {
  return (
    isAuthError(error) &&
    (error.code === 'interaction_required' || error.code === 'third_party_cookies_blocked')
  )
}

/** Transient failures: retry later, never sign the user out for them. */
export function isTransientAuthError(error: unknown): boolean {
  return isAuthError(error) && (error.code === 'timeout' || error.code === 'network_error')
}
