export { AuthProvider } from './auth-provider'
export { useAuth, useAuthClient } from './use-auth'
export {
  type AccessToken,
  AuthClient,
  AuthError,
  type AuthErrorCode,
  type AuthEventName,
  type TokenCacheView,
  type AuthSnapshot,
  type AuthUser,
  isAuthError,
  isSignInRequired,
  isTransientAuthError,
} from '../core'
