export {
  type AccessToken,
  AuthClient,
  preloadProtocol,
  type AuthClientOptions,
  type AuthSnapshot,
  type AuthStatus,
  type AuthUser,
} from './auth-client'
export { AuthError, type AuthErrorCode, isAuthError, isTransientAuthError } from './errors'
export type { IdTokenClaims } from './id-token'
export { safeReturnTo } from './return-to'
export { hasStoredSession } from './session-store'
