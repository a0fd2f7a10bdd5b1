import {
  type CreateSigninRequestArgs,
  DPoPState,
  ErrorResponse,
  ErrorTimeout,
  OidcClient,
  type OidcClientSettings,
  type OidcMetadata,
  type RefreshState,
  type UserProfile,
  WebStorageStateStore,
} from 'oidc-client-ts'

import type { ApiConfig } from '../../../config'
import { aadstsCode } from '../vendors/aadsts-code'
import { checkResponseIssuer } from '../sign-in/authorization-response'
import { DPOP_ALG, type DpopKeyStore } from '../dpop/dpop-keys'
import { AuthError, type AuthErrorCode } from '../errors'
import { PROVIDER_TIMEOUT_MS } from './http'
import { type IdTokenClaims, validateIdToken } from './id-token'
import { assertDpopSupported, type ProviderMetadata } from './metadata'
import { checkDiscoveryIssuer } from './issuer'
import { SIGN_IN_STATE_PREFIX } from '../sign-in/pending-sign-ins'
import type { ProviderCache } from './provider-cache'
import { type AccessTokenGrant, checkTokenResponse, refreshTokenExpiry } from './token-response'

/**
 * The protocol half of the auth core: oidc-client-ts builds requests and redeems codes, and this
 * module adds what it leaves out (SECURITY.md). Loaded lazily: a signed-in reload never needs it.
 */
export interface Protocol {
  createSignInUrl(request: SignInRequest): Promise<string>
  completeSignIn(callbackUrl: string): Promise<SignInResult>
  refresh(request: RefreshRequest): Promise<RefreshResult>
  /** An authorization request with `prompt=none` for a hidden frame, and its `state`. */
  createSilentSignIn(request: SilentSignInRequest): Promise<SilentSignInStart>
  /** Validates a silent callback like a redirect callback, plus: the same user as before. */
  completeSilentSignIn(callbackUrl: string, signedIn: IdTokenClaims): Promise<SilentSignInResult>
  createSignOutUrl(idToken: string): Promise<string | undefined>
  revokeRefreshToken(refreshToken: string): Promise<void>
}

export interface ProtocolOptions {
  readonly authority: string
  readonly clientId: string
  readonly redirectUri: string
  readonly postLogoutRedirectUri: string
  readonly storage: Storage
  readonly provider: ProviderCache
  /** The corrected clock (epoch ms) for ID token time checks. */
  readonly now: () => number
  /** The browser's DPoP key pair, when tokens are to be bound (RFC 9449). */
  readonly dpop?: DpopKeyStore | undefined
  /** The issuer config.json states when it differs from the authority (B2C, External ID). */
  readonly issuer?: string | undefined
}

/** What an API's step-up challenge asks of the next sign-in (RFC 9470 §3, Entra `claims`). */
export interface StepUp {
  readonly acrValues?: readonly string[]
  /** Seconds since the user last authenticated, at most. */
  readonly maxAge?: number
  /** An OIDC `claims` request (JSON), e.g. from an Entra CAE challenge. */
  readonly claims?: string
}

export interface SignInRequest {
  readonly returnTo: string
  readonly scopes: readonly string[]
  /** RFC 8707 resources the user grants access to at sign-in. */
  readonly resources: readonly string[]
  /** The one resource the code exchange asks an access token for (one resource per request). */
  readonly tokenResource: string | undefined
  /** Auth0's `audience`: the API the code's access token is for (instead of a resource). */
  readonly audience?: string | undefined
  /** Scopes the code exchange names (providers that pick the resource by scope, e.g. Entra). */
  readonly tokenScopes?: readonly string[] | undefined
  /** The OIDC `claims` request for the authorization and token requests (CAE, capabilities). */
  readonly claims?: string | undefined
  readonly stepUp?: StepUp
  /** The app's own JSON data, kept with this one request and handed back on its return. */
  readonly appState?: unknown
  /** Checked parameters the app asked for (`prompt`, `login_hint`, …; sign-in-params.ts). */
  readonly params?: Readonly<Record<string, string>>
}

export interface SignInResult {
  readonly idToken: string
  readonly claims: IdTokenClaims
  readonly refreshToken: string | undefined
  /** When the refresh token stops working, if the provider said (token-response.ts). */
  readonly refreshExpiresAt?: number | undefined
  /** The access token the code exchange returned (for `tokenResource` when one was sent). */
  readonly accessToken: AccessTokenGrant
  /** Untrusted: it round-tripped through the provider. */
  readonly returnTo: unknown
  /** What the request's `appState` was (kept in this tab, never sent). */
  readonly appState: unknown
}

export interface RefreshRequest {
  readonly refreshToken: string
  readonly idToken: string
  readonly claims: IdTokenClaims
  readonly api: ApiConfig
  /** The OIDC `claims` request (an API's claims challenge, client capabilities). */
  readonly claimsRequest?: string | undefined
}

export interface RefreshResult {
  readonly accessToken: AccessTokenGrant
  /** The rotated refresh token, or the same one when the provider does not rotate. */
  readonly refreshToken: string
  /** When that refresh token stops working, if the provider said. */
  readonly refreshExpiresAt?: number | undefined
  readonly idToken: string
  readonly claims: IdTokenClaims
}

export interface SilentSignInRequest {
  /** The silent callback page, a registered redirect URI of its own. */
  readonly redirectUri: string
  readonly scopes: readonly string[]
  /** The RFC 8707 resource of the API the token is for, in both requests. */
  readonly resource: string | undefined
  /** Auth0's `audience` of that API, instead of a resource. */
  readonly audience?: string | undefined
  /** The current ID token: tells the provider whose session this must be. */
  readonly idTokenHint: string
}

export interface SilentSignInStart {
  readonly url: string
  readonly state: string
}

export interface SilentSignInResult {
  readonly accessToken: AccessTokenGrant
  readonly idToken: string
  readonly claims: IdTokenClaims
  /** Usually none (why the iframe is used); kept if the provider sends one after all. */
  readonly refreshToken: string | undefined
}

interface SignInState {
  readonly returnTo: string
  readonly nonce: string
  readonly stepUp?: StepUp
  readonly appState?: unknown
  /** Set on silent requests, so a silent response can't complete a redirect sign-in. */
  readonly silent?: true
}

const INTERACTION_ERRORS = new Set([
  'invalid_grant',
  'login_required',
  'interaction_required',
  'consent_required',
  'account_selection_required',
])

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

/**
 * Maps whatever oidc-client-ts or fetch threw to one {@link AuthError}, without secrets, by the
 * error's class and the provider's OAuth `error` code only (never by message text):
 * - `ErrorResponse`: the provider said no (its `error`, as received);
 * - `ErrorTimeout`: no answer in time; `TypeError` from fetch: no answer at all;
 * - anything else the library throws is its own validation of what the provider sent, at the
 *   stage where it was thrown (the library's words kept in the message, for the developer).
 */
async function toAuthError(
  error: unknown,
  stage: 'callback' | 'silent' | 'refresh' | 'other',
): Promise<AuthError> {
  if (error instanceof AuthError) return error
  if (error instanceof ErrorTimeout) return new AuthError('timeout', { cause: error })
  if (error instanceof ErrorResponse) {
    const fromTokenEndpoint = error.form !== undefined
    let code: AuthErrorCode = fromTokenEndpoint ? 'token_request_failed' : 'provider_error'
    if ((stage === 'refresh' || stage === 'silent') && INTERACTION_ERRORS.has(error.error ?? '')) {
      code = 'interaction_required'
    }
    const description = error.error_description ?? undefined
    // Entra's fix texts are a chunk of their own, fetched only for an AADSTS error.
    const fix =
      aadstsCode(description) === undefined
        ? undefined
        : // Offline, the generic fix text will do.
          (await import('../vendors/aadsts').catch(() => undefined))?.providerErrorFix(
            error.error ?? undefined,
            description,
          )
    return new AuthError(code, {
      ...(fix === undefined ? {} : { fix }),
      ...(error.error ? { providerError: error.error } : {}),
      ...(error.error_description ? { providerErrorDescription: error.error_description } : {}),
    })
  }
  if (error instanceof TypeError) return new AuthError('network_error', { cause: error })
  const said = error instanceof Error ? ` (${error.message})` : ''
  // At refresh these are the token endpoint's unusable answers (a proxy's HTML error page):
  // the session is kept, as the provider may not have rotated the refresh token.
  if (stage === 'refresh') return new AuthError('token_request_failed', { cause: error })
  return new AuthError('token_response_invalid', {
    message: `The identity provider’s answer failed validation${said}.`,
    cause: error,
  })
}

export async function createProtocol(options: ProtocolOptions): Promise<Protocol> {
  const metadata: ProviderMetadata = await options.provider.getMetadata()
  if (options.dpop) assertDpopSupported(metadata, DPOP_ALG)
  const client = new OidcClient({
    authority: options.authority,
    // Discovery was fetched, pinned (SEC-10) and cached by Tessera; the library never fetches it.
    metadata: metadata as Partial<OidcMetadata>,
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    post_logout_redirect_uri: options.postLogoutRedirectUri,
    response_type: 'code',
    response_mode: 'query',
    // SEC-27: oidc-client-ts defaults the login state to localStorage.
    stateStore: new WebStorageStateStore({ store: options.storage, prefix: SIGN_IN_STATE_PREFIX }),
    staleStateAgeInSeconds: 600,
    requestTimeoutInSeconds: PROVIDER_TIMEOUT_MS / 1000,
    loadUserInfo: false,
    filterProtocolClaims: false,
    fetchRequestCredentials: 'omit',
    ...(options.dpop
      ? { dpop: { store: oidcClientDpopStore(options.dpop, options.clientId) } }
      : {}),
  })
  const dpop = options.dpop !== undefined

  const jwks = (refresh: boolean) => options.provider.getJwks(refresh)
  const expectations = {
    // SEC-10: the issuer (or Entra tenant template) discovery was pinned to; see ./issuer.ts.
    ...checkDiscoveryIssuer(metadata.issuer, options.authority, options.issuer),
    clientId: options.clientId,
    advertisedAlgorithms: metadata.id_token_signing_alg_values_supported,
    now: options.now,
  }

  /**
   * An authorization request with a fresh nonce (SEC-03: oidc-client-ts only sends one when
   * asked). The nonce is sent as a plain parameter and kept in the state: Tessera checks it in
   * the ID token itself, so every ID token failure is reported as one (`id_token_invalid`).
   */
  async function signinRequest(
    state: Omit<SignInState, 'nonce'>,
    args: Omit<CreateSigninRequestArgs, 'state' | 'nonce'>,
  ) {
    const nonce = randomToken()
    return client.createSigninRequest({
      ...args,
      state: { ...state, nonce } satisfies SignInState,
      extraQueryParams: { ...args.extraQueryParams, nonce },
      // RFC 9449 §10: bind the authorization code to this browser's key too.
      ...(options.dpop ? { dpopJkt: await dpopJkt(options.dpop) } : {}),
    })
  }

  /**
   * Completes a redirect or (with `signedIn`) a silent sign-in, in the same order: the state is
   * one this tab sent, then RFC 9207 `iss` before anything is redeemed, then the code exchange
   * with PKCE (oidc-client-ts), the token response and the ID token. A response only completes
   * the kind of request it answers.
   */
  async function completeAuthorization(callbackUrl: string, signedIn?: IdTokenClaims) {
    const stage = signedIn ? 'silent' : 'callback'
    // SEC-02, SEC-43: only a response to a request this tab sent is read any further, so a
    // crafted link is refused as such before any of its parameters can matter.
    try {
      await client.readSigninResponseState(callbackUrl)
    } catch {
      throw new AuthError('callback_invalid')
    }
    try {
      checkResponseIssuer(new URL(callbackUrl), metadata)
    } catch (error) {
      // SEC-02: the state is single use, whatever became of its response.
      await client.readSigninResponseState(callbackUrl, true).catch(() => undefined)
      throw error
    }
    let response
    try {
      response = await client.processSigninResponse(callbackUrl)
    } catch (error) {
      throw await toAuthError(error, stage)
    }
    const state = response.userState as Partial<SignInState> | undefined
    if (!state?.silent !== !signedIn) throw new AuthError('callback_invalid')
    const idToken = response.id_token
    if (!idToken) {
      throw new AuthError('token_response_invalid', {
        message: 'The token response has no ID token.',
      })
    }
    const accessToken = checkTokenResponse(response, dpop)
    const claims = await validateIdToken(idToken, jwks, {
      ...expectations,
      nonce: state?.nonce ?? randomToken(), // a missing nonce can never match
      ...(state?.stepUp?.acrValues ? { acrValues: state.stepUp.acrValues } : {}),
      ...(state?.stepUp?.maxAge !== undefined ? { maxAge: state.stepUp.maxAge } : {}),
      ...(signedIn ? { sameUserAs: signedIn } : {}),
    })
    return {
      idToken,
      claims,
      refreshToken: response.refresh_token,
      refreshExpiresAt: refreshTokenExpiry(response, options.now()),
      accessToken,
      returnTo: state?.returnTo,
      appState: state?.appState,
    }
  }

  return {
    async createSignInUrl(request) {
      const { returnTo, scopes, resources, tokenResource, tokenScopes, audience, claims, stepUp } =
        request
      const { appState } = request
      const signIn = await signinRequest(
        {
          returnTo,
          ...(stepUp ? { stepUp } : {}),
          ...(appState === undefined ? {} : { appState }),
        },
        {
          scope: scopes.join(' '),
          ...(resources.length > 0 ? { resource: [...resources] } : {}),
          // The code exchange names one API: by resource, or by scopes (one resource per request).
          ...extraTokenParams({ resource: tokenResource, scope: tokenScopes?.join(' '), claims }),
          ...(stepUp?.acrValues ? { acr_values: stepUp.acrValues.join(' ') } : {}),
          ...(stepUp?.maxAge !== undefined ? { max_age: stepUp.maxAge } : {}),
          ...extraQueryParams({ ...request.params, claims, audience }),
        },
      )
      return signIn.url
    },

    completeSignIn: (callbackUrl) => completeAuthorization(callbackUrl),

    async createSilentSignIn({ redirectUri, scopes, resource, audience, idTokenHint }) {
      const request = await signinRequest(
        { returnTo: '/', silent: true },
        {
          redirect_uri: redirectUri,
          scope: scopes.join(' '),
          // OIDC Core §3.1.2.1: no page is shown; the provider answers at once, with an error
          // (login_required, …) when it cannot sign this user in without them.
          prompt: 'none',
          id_token_hint: idTokenHint,
          ...(resource ? { resource, extraTokenParams: { resource } } : {}),
          ...extraQueryParams({ audience }),
        },
      )
      return { url: request.url, state: request.state.id }
    },

    completeSilentSignIn: (callbackUrl, signedIn) => completeAuthorization(callbackUrl, signedIn),

    async refresh({ refreshToken, idToken, claims, api, claimsRequest }) {
      let response
      try {
        response = await client.useRefreshToken({
          // RefreshState is exported as a type only; its shape is all useRefreshToken reads.
          // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
          state: {
            refresh_token: refreshToken,
            // No id_token: oidc-client-ts then leaves comparing the new ID token with the old one
            // to Tessera's validation below (OIDC Core §12.2), which reports it as what it is.
            session_state: null,
            scope: api.scopes.join(' '),
            // The validated claims are a superset of oidc-client-ts's UserProfile.
            profile: claims as unknown as UserProfile,
          } satisfies RefreshState,
          ...(api.resource ? { resource: api.resource } : {}),
          // Auth0 Multi-Resource Refresh Token: the refresh token gets a token for this API.
          ...extraTokenParams({ audience: api.audience, claims: claimsRequest }),
          // SEC-24: the refresh path ignores the configured timeout unless passed per call.
          timeoutInSeconds: PROVIDER_TIMEOUT_MS / 1000,
        })
      } catch (error) {
        throw await toAuthError(error, 'refresh')
      }
      const accessToken = checkTokenResponse(response, dpop)
      const newIdToken = response.id_token
      const newClaims =
        newIdToken && newIdToken !== idToken
          ? await validateIdToken(newIdToken, jwks, { ...expectations, previous: claims })
          : claims
      return {
        accessToken,
        refreshToken: response.refresh_token ?? refreshToken,
        refreshExpiresAt: refreshTokenExpiry(response, options.now()),
        idToken: newIdToken ?? idToken,
        claims: newClaims,
      }
    },

    async createSignOutUrl(idToken) {
      if (!metadata.end_session_endpoint) return undefined
      const request = await client.createSignoutRequest({
        id_token_hint: idToken,
        post_logout_redirect_uri: options.postLogoutRedirectUri,
      })
      return request.url
    },

    async revokeRefreshToken(refreshToken) {
      if (!metadata.revocation_endpoint) return
      try {
        await client.revokeToken(refreshToken, 'refresh_token')
      } catch (error) {
        throw await toAuthError(error, 'other')
      }
    },
  }
}

/** Authorization request parameters oidc-client-ts has no option for; undefined ones left out. */
function definedParams(
  params: Readonly<Record<string, string | undefined>>,
): Record<string, string> | undefined {
  const defined = Object.entries(params).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
  )
  return defined.length > 0 ? Object.fromEntries(defined) : undefined
}

/** Extra authorization request parameters, the unset ones left out. */
function extraQueryParams(params: Readonly<Record<string, string | undefined>>): {
  extraQueryParams?: Record<string, string>
} {
  const defined = definedParams(params)
  return defined ? { extraQueryParams: defined } : {}
}

/** Extra token request parameters, the unset ones left out. */
function extraTokenParams(params: Readonly<Record<string, string | undefined>>): {
  extraTokenParams?: Record<string, string>
} {
  const defined = definedParams(params)
  return defined ? { extraTokenParams: defined } : {}
}

/** The key store interface oidc-client-ts expects (declared, not exported, by the library). */
type DPoPStore = NonNullable<OidcClientSettings['dpop']>['store']

/**
 * oidc-client-ts proves possession at the token endpoint (and retries with the provider's
 * nonce) from its own store shape; this one hands it the same key the APIs see.
 */
function oidcClientDpopStore(keys: DpopKeyStore, clientId: string): DPoPStore {
  let nonce: string | undefined
  return {
    getAllKeys: async () => ((await keys.get()) ? [clientId] : []),
    get: async () => new DPoPState(await ensuredKeys(keys), nonce),
    set: async (_key, state) => {
      nonce = state.nonce
      await keys.set(state.keys)
    },
    remove: async () => {
      const state = new DPoPState(await ensuredKeys(keys), nonce)
      await keys.remove()
      return state
    },
  }
}

/** This browser's DPoP key pair, created on first use (the DPoP code loads only when needed). */
async function ensuredKeys(store: DpopKeyStore): Promise<CryptoKeyPair> {
  const { ensureDpopKeys } = await import('../dpop/dpop')
  return ensureDpopKeys(store)
}

/** RFC 9449 §10: the thumbprint of this browser's key, for `dpop_jkt`. */
async function dpopJkt(store: DpopKeyStore): Promise<string> {
  const { dpopThumbprint } = await import('../dpop/dpop')
  return dpopThumbprint(await ensuredKeys(store))
}
