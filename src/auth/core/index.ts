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
export type { IdTokenClaims } from './protocol/id-token'
export { safeReturnTo } from './sign-in/return-to'
export type { AccessToken, AuthSnapshot, AuthStatus, AuthUser } from './snapshot'
export type { AuthEventListener, AuthEventMap, AuthEventName } from './events'
export type { StepUp } from './protocol/protocol'
export { isAuthorizationResponse } from './sign-in/authorization-response'
export { browserLocks } from './session/refresh-lock'
export { browserTabChannel, type TabChannel } from './tabs/tab-sync'
