import type { AppConfig } from '../../../config'
import { accessTokenEntry, sessionCacheKey } from '../session/access-token-entry'
import { claimsRequest } from './claims-request'
import { forgetPendingSignIns } from './pending-sign-ins'
import type { Protocol, StepUp } from '../protocol/protocol'
import type { ProviderCache } from '../protocol/provider-cache'
import { safeReturnTo } from './return-to'
import type { Session } from '../session/session-store'
import { signInShape } from './sign-in-request'

/** What the sign-in flow needs of the auth client. */
export interface SignInContext {
  readonly config: AppConfig
  readonly redirectUri: string
  readonly storage: Storage
  readonly provider: ProviderCache
  readonly now: () => number
  protocol(): Promise<Protocol>
  /** Whether a signed-in sibling tab handed this tab its session meanwhile. */
  adoptSiblingSession(): Promise<boolean>
}

export interface SignInRequest {
  /** Already a safe same-origin path. */
  readonly returnTo: string
  readonly stepUp?: StepUp | undefined
  readonly appState?: unknown
  /** Checked hints for the provider's page (sign-in-params.ts). */
  readonly params?: Readonly<Record<string, string>>
  /** Whether a signed-in sibling tab's session may answer instead of the provider. */
  readonly adoptSibling?: boolean
}

/**
 * The URL of a new authorization request (code + PKCE S256, nonce, state), or undefined when a
 * signed-in sibling tab answered first (no redirect needed). Everything the redirect needs
 * loads while siblings get their chance to answer.
 */
export async function createSignInRedirect(
  context: SignInContext,
  { returnTo, stepUp, appState, params, adoptSibling = !stepUp }: SignInRequest,
): Promise<string | undefined> {
  const protocolReady = context.protocol()
  protocolReady.catch(() => undefined) // reported below, unless a sibling answers first
  context.provider.getMetadata().catch(() => undefined) // discovery, alongside the code
  if (adoptSibling && (await context.adoptSiblingSession())) return undefined
  const protocol = await protocolReady
  // SEC-42: one redirect sign-in per tab: an earlier one (abandoned at the provider) can no
  // longer complete, nor hand back its app state.
  forgetPendingSignIns(context.storage)
  const shape = signInShape(context.config)
  return protocol.createSignInUrl({
    returnTo,
    scopes: shape.scopes,
    resources: shape.resources,
    tokenResource: shape.tokenResource,
    tokenScopes: shape.tokenScopes,
    // Auth0 names one API per authorization request: the first, like the code's token.
    audience: shape.tokenApi?.audience,
    claims: claimsRequest(stepUp?.claims, context.config.clientCapabilities),
    ...(stepUp ? { stepUp } : {}),
    ...(appState === undefined ? {} : { appState }),
    ...(params ? { params } : {}),
  })
}

export interface RedeemedSignIn {
  /** The new session, not yet stored (`updatedAt` 0). */
  readonly session: Session
  readonly returnTo: string
  readonly appState: unknown
}

/**
 * Redeems the authorization response at `url` (every check of protocol.ts) into a session: the
 * ID token, the refresh token and the first API's access token, which the code exchange asked
 * for (by resource, audience or, one resource per request, its scopes).
 */
export async function redeemSignIn(context: SignInContext, url: string): Promise<RedeemedSignIn> {
  // The signing keys are usually cached from before the redirect; if not, fetch them while
  // the code is being redeemed rather than after.
  context.provider.getJwks().catch(() => undefined)
  const protocol = await context.protocol()
  const result = await protocol.completeSignIn(url)
  const { config } = context
  const draft: Session = {
    issuer: config.authority,
    clientId: config.clientId,
    idToken: result.idToken,
    claims: result.claims,
    refreshToken: result.refreshToken,
    ...(result.refreshExpiresAt === undefined ? {} : { refreshExpiresAt: result.refreshExpiresAt }),
    signedInAt: context.now(),
    accessTokens: {},
    updatedAt: 0,
  }
  const primary = signInShape(config).tokenApi
  const accessTokens = primary
    ? {
        [sessionCacheKey(draft, primary)]: accessTokenEntry(
          result.accessToken,
          primary,
          context.now(),
        ),
      }
    : {}
  return {
    session: { ...draft, accessTokens },
    returnTo: safeReturnTo(result.returnTo, new URL(context.redirectUri).origin),
    appState: result.appState,
  }
}
