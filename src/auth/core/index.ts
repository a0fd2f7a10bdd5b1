export {
  AuthClient,
  type AuthClientOptions,
  type SignInCompletion,
  type SignInOptions,
  type TokenCacheView,
} from './auth-client'
export {
  AUTH_ERROR_CODES,
  AuthError,
  type AuthErrorCode,
  isAuthError,
  isSignInRequired,
  isTransientAuthError,
} from './errors'
export type { IdTokenClaims } from './id-token'
export { preloadProtocol } from './protocol-loader'
export { safeReturnTo } from './return-to'
export { hasStoredSession } from './session-store'
export type { AccessToken, AuthSnapshot, AuthStatus, AuthUser } from './snapshot'
export type { AuthEventListener, AuthEventMap, AuthEventName } from './events'
export type { StepUp } from './protocol'
export { isAuthorizationResponse } from './authorization-response'
