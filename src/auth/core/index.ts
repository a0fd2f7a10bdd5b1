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
export { mayRenewInFrame, type RedirectUris, redirectUris } from './sign-in/redirect-uris'
export { safeReturnTo } from './sign-in/return-to'
export type { SessionEnd, SessionEndCause } from './session/session-end'
export type { AccessToken, AuthSnapshot, AuthStatus, AuthUser } from './snapshot'
export type { AuthEventListener, AuthEventMap, AuthEventName } from './events'
export type { StepUp } from './protocol/protocol'
export { type Prompt, PROMPTS, type SignInHints } from './sign-in/sign-in-params'
export { isAuthorizationResponse } from './sign-in/authorization-response'
export type {
  DiscoveryCheck,
  EndpointCheck,
  ReportedError,
  SignInDiagnosis,
  TokenClaims,
} from './diagnosis'
export { browserLocks } from './session/refresh-lock'
export { browserTabChannel, type TabChannel } from './tabs/tab-sync'
