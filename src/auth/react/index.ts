export { AuthProvider } from './auth-provider'
export { RequireAuth, type RequireAuthProps } from './require-auth'
export { useAccessToken } from './use-access-token'
export { useAuth, useAuthClient } from './use-auth'
export { type SessionEndCountdown, useSessionEnd } from './use-session-end'
export {
  type AccessToken,
  AuthClient,
  AuthError,
  type AuthErrorCode,
  type AuthEventName,
  type AuthSnapshot,
  type AuthUser,
  type SessionEnd,
  type SessionEndCause,
  isAuthError,
  isSignInRequired,
  isTransientAuthError,
  type SignInOptions,
  type TokenCacheView,
} from '../core'
