import type { ApiConfig, AppConfig } from '../../../config'
import { AuthError, isAuthError } from '../errors'
import type { IdTokenClaims } from '../protocol/id-token'
import type { Protocol } from '../protocol/protocol'
import type { Session } from '../session/session-store'
import { runSilentFrame, type SilentFrameRunner } from './silent-frame'
import { isSurelyCrossSite, thirdPartyCookiesBlocked } from './site'
import type { AccessTokenGrant } from '../protocol/token-response'

/** Provider errors of a silent request that mean the provider has no session to use. */
const NO_PROVIDER_SESSION = new Set(['login_required', 'interaction_required'])

export interface FrameRenewalContext {
  readonly protocol: Protocol
  readonly config: AppConfig
  /** The silent callback page (silent-callback.html) of this deployment. */
  readonly silentRedirectUri: string
  /** Runs the request in a hidden frame; tests pass their own. */
  readonly runFrame: SilentFrameRunner | undefined
  /** Ends the session with the reason the user sees, and returns that reason to throw. */
  readonly endSession: (error: AuthError) => AuthError
}

export interface FrameRenewal {
  readonly accessToken: AccessTokenGrant
  readonly refreshToken: string | undefined
  readonly idToken: string
  readonly claims: IdTokenClaims
}

/**
 * Silent renewal without a refresh token: an authorization request with `prompt=none` in a
 * hidden frame, answered on the silent callback page and validated like a redirect callback.
 * The provider's own session (its cookie) is what signs the user in again. A chunk of its own:
 * only sessions without a refresh token renew this way.
 */
export async function renewInFrame(
  context: FrameRenewalContext,
  session: Session,
  api: ApiConfig,
): Promise<FrameRenewal> {
  const { protocol, config, silentRedirectUri, endSession } = context
  const { url, state } = await protocol.createSilentSignIn({
    redirectUri: silentRedirectUri,
    // offline_access would ask for consent, which prompt=none cannot show.
    scopes: [...new Set([...config.scopes, ...api.scopes])].filter(
      (scope) => scope !== 'offline_access',
    ),
    resource: api.resource,
    audience: api.audience,
    idTokenHint: session.idToken,
  })
  const appOrigin = new URL(silentRedirectUri).origin
  let callbackUrl
  try {
    callbackUrl = await (context.runFrame ?? runSilentFrame)({ url, appOrigin, state })
  } catch (error) {
    if (isAuthError(error)) console.error(`Tessera [${error.code}]: ${error.message} ${error.fix}`)
    throw error
  }
  try {
    const result = await protocol.completeSilentSignIn(callbackUrl, session.claims)
    return { ...result, refreshToken: result.refreshToken ?? session.refreshToken }
  } catch (error) {
    if (isAuthError(error, 'interaction_required')) {
      const withheld =
        NO_PROVIDER_SESSION.has(error.providerError ?? '') &&
        isSurelyCrossSite(appOrigin, config.authority)
      if (!withheld) throw endSession(error)
      const blocked = thirdPartyCookiesBlocked(error)
      console.error(`Tessera [${blocked.code}]: ${blocked.message} ${blocked.fix}`)
      throw endSession(blocked)
    }
    // Another user at the provider, or a response that failed validation: this session
    // cannot be renewed; the user signs in again (and keeps their work).
    if (isAuthError(error, 'id_token_invalid') || isAuthError(error, 'issuer_mismatch')) {
      throw endSession(
        new AuthError('interaction_required', {
          message: `${error.message} Please sign in again.`,
          cause: error,
        }),
      )
    }
    throw error
  }
}
