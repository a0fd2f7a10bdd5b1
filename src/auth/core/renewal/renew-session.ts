import type { ApiConfig, AppConfig } from '../../../config'
import { needsInteraction } from '../vendors/aadsts-code'
import { claimsRequest } from '../sign-in/claims-request'
import { AuthError, isAuthError } from '../errors'
import type { IdTokenClaims } from '../protocol/id-token'
import type { Protocol } from '../protocol/protocol'
import type { Session } from '../session/session-store'
import type { SilentFrameRunner } from './silent-frame'
import type { AccessTokenGrant } from '../protocol/token-response'

/** What a renewal brings back, by either strategy. */
export interface RenewedTokens {
  readonly accessToken: AccessTokenGrant
  readonly refreshToken: string | undefined
  /** When the refresh token stops working, if the provider said. */
  readonly refreshExpiresAt?: number | undefined
  readonly idToken: string
  readonly claims: IdTokenClaims
}

/** What the renewal strategies need of the auth client. */
export interface RenewalContext {
  readonly config: AppConfig
  protocol(): Promise<Protocol>
  /** The silent callback page (silent-callback.html) of this deployment. */
  readonly silentRedirectUri: string
  /** Runs a silent request in a hidden frame; tests pass their own. */
  readonly silentFrame: SilentFrameRunner | undefined
  /** Ends the session in every tab with the reason the user sees; returns it to throw. */
  endSession(error: AuthError): AuthError
}

/**
 * Token endpoint answers meaning "this client may not use refresh tokens" (RFC 6749 §5.2), as
 * providers that give SPAs none (or stop rotating them) send: renew in a frame instead.
 */
const REFRESH_REFUSED = new Set(['unauthorized_client', 'unsupported_grant_type'])

/**
 * The provider refused a refresh grant carrying claims because the user must interact (MFA,
 * consent); unlike a plain `invalid_grant`, this leaves the refresh token valid.
 */
export function isStepUpRefusal(error: unknown): boolean {
  if (!isAuthError(error, 'interaction_required') || error.providerError === undefined) return false
  return error.providerError !== 'invalid_grant' || needsInteraction(error.providerErrorDescription)
}

/**
 * Renews `session`'s tokens for `api` by the strategy config.json's `renewal` names: the refresh
 * token when the session has one, else (or when the provider refuses refresh tokens to this
 * client) a hidden frame. `challenge` is an API's claims challenge to carry.
 */
export async function renewSession(
  context: RenewalContext,
  session: Session,
  api: ApiConfig,
  challenge?: string,
): Promise<RenewedTokens> {
  const { renewal } = context.config
  if (renewal === 'iframe') return renewInFrame(context, session, api)
  if (!session.refreshToken) {
    if (renewal === 'auto') return renewInFrame(context, session, api)
    throw context.endSession(
      new AuthError('interaction_required', {
        message: 'Your session has no refresh token, so it cannot be renewed silently.',
      }),
    )
  }
  try {
    return await renewWithRefreshToken(context, session, session.refreshToken, api, challenge)
  } catch (error) {
    if (
      renewal === 'auto' &&
      isAuthError(error, 'token_request_failed') &&
      REFRESH_REFUSED.has(error.providerError ?? '')
    ) {
      console.warn(
        `Tessera: refresh token refused (${error.providerError ?? ''}); using an iframe.`,
      )
      return renewInFrame(context, { ...session, refreshToken: undefined }, api)
    }
    throw error
  }
}

/** One refresh grant (SEC-23: the caller holds the cross-tab lock). */
async function renewWithRefreshToken(
  context: RenewalContext,
  session: Session,
  refreshToken: string,
  api: ApiConfig,
  challenge: string | undefined,
): Promise<RenewedTokens> {
  try {
    const protocol = await context.protocol()
    return await protocol.refresh({
      refreshToken,
      idToken: session.idToken,
      claims: session.claims,
      api,
      claimsRequest: claimsRequest(challenge, context.config.clientCapabilities),
    })
  } catch (error) {
    // The claims need the user (MFA, consent): the refresh token itself is still good.
    if (challenge !== undefined && isStepUpRefusal(error)) throw error
    if (isAuthError(error, 'interaction_required')) throw context.endSession(error)
    // The provider answered, so it has rotated the refresh token we sent; its answer was
    // unusable, so this session cannot continue (retrying would replay a spent token).
    if (isAuthError(error, 'id_token_invalid') || isAuthError(error, 'token_response_invalid')) {
      throw context.endSession(
        new AuthError('interaction_required', {
          message: `${error.message} Please sign in again.`,
          cause: error,
        }),
      )
    }
    throw error
  }
}

/** Silent renewal in a hidden frame, for sessions without a refresh token (a lazy chunk). */
async function renewInFrame(
  context: RenewalContext,
  session: Session,
  api: ApiConfig,
): Promise<RenewedTokens> {
  const [protocol, frames] = await Promise.all([context.protocol(), import('./frame-renewal')])
  return frames.renewInFrame(
    {
      protocol,
      config: context.config,
      silentRedirectUri: context.silentRedirectUri,
      runFrame: context.silentFrame,
      endSession: (error) => context.endSession(error),
    },
    session,
    api,
  )
}
