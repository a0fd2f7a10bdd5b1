import { type ApiConfig, type AppConfig, ConfigError } from '../../config'
import { isAuthorizationResponse } from './sign-in/authorization-response'
import { accessTokenEntry, isFresh, sessionCacheKey } from './session/access-token-entry'
import { type DpopKeyStore, lazyDpopKeys } from './dpop/dpop-keys'
import type { ReportedError, SignInDiagnosis } from './diagnosis'
import { AuthError, isAuthError } from './errors'
import { type AuthEventListener, type AuthEventName, AuthEvents } from './events'
import type { Protocol, ProtocolOptions, StepUp } from './protocol/protocol'
import { loadDefaultProtocol } from './protocol/protocol-loader'
import { forgetPendingSignIns } from './sign-in/pending-sign-ins'
import { ProviderCache } from './protocol/provider-cache'
import { browserLocks, createRefreshLock } from './session/refresh-lock'
import { redirectUris } from './sign-in/redirect-uris'
import { safeReturnTo } from './sign-in/return-to'
import { type AccessTokenEntry, type Session, SessionStore } from './session/session-store'
import type { SilentFrameRunner } from './renewal/silent-frame'
import { isStepUpRefusal, type RenewalContext, renewSession } from './renewal/renew-session'
import { createSignInRedirect, redeemSignIn, type SignInContext } from './sign-in/sign-in-flow'
import { type SignInHints, signInParams } from './sign-in/sign-in-params'
import { createSingleFlight } from './session/single-flight'
import { renewedRefreshExpiry, sameSessionEnd, sessionEndOf } from './session/session-end'
import { type AccessToken, type AuthSnapshot, signedOut, snapshotOf } from './snapshot'
import { TabPresence } from './tabs/tab-presence'
import { browserTabChannel, type TabChannel, TabSync } from './tabs/tab-sync'

/** One configured API's cached access token, as diagnostics may show it: no token. */
export interface TokenCacheView {
  readonly api: string
  readonly scopes: readonly string[]
  /** The RFC 8707 resource or the `audience` the token is for; undefined: chosen by scope. */
  readonly resource: string | undefined
  /** Milliseconds until the token expires / is renewed ahead of expiry; undefined: none held. */
  readonly expiresInMs: number | undefined
  readonly renewsInMs: number | undefined
}

export interface AuthClientOptions {
  readonly config: AppConfig
  /** Absolute URL of the app's base, e.g. `https://app.example/portal/`. */
  readonly appBaseUrl: string
  readonly storage?: Storage
  readonly fetch?: typeof fetch
  /** Full-page navigation to the provider (sign-in, sign-out). */
  readonly navigate?: (url: string) => void
  /** Replaces the current history entry's URL without navigating. */
  readonly replaceUrl?: (url: string) => void
  readonly now?: () => number
  readonly locks?: LockManager
  /** Where the DPoP key lives when `config.dpop` is on; defaults to IndexedDB. */
  readonly dpopKeys?: DpopKeyStore
  /** Cross-tab channel; defaults to a BroadcastChannel, `null` keeps this tab to itself. */
  readonly channel?: TabChannel | null
  /**
   * Storage every tab of the origin shares, for one note: when a signed-in tab last left its
   * page (reloading), never a token. Defaults to localStorage; `null` leaves no note.
   */
  readonly sharedStorage?: Storage | null
  readonly loadProtocol?: (options: ProtocolOptions) => Promise<Protocol>
  /** Runs a silent (`prompt=none`) request in a hidden frame; defaults to an iframe. */
  readonly silentFrame?: SilentFrameRunner
}

/** How to sign in; every option may be left out. */
export interface SignInOptions extends SignInHints {
  /** App path to come back to; anything but a same-origin path becomes `/`. */
  readonly returnTo?: string
  /** Sign in again even when signed in, more strongly or more recently (RFC 9470). */
  readonly stepUp?: StepUp
  /**
   * The app's own JSON data for its return: kept in this tab with this one authorization
   * request (never sent), and handed back only by that request's callback.
   */
  readonly appState?: unknown
}

/** What a completed sign-in hands back to the app. */
export interface SignInCompletion {
  /** The validated app path to return to. */
  readonly returnTo: string
  /** The `appState` the sign-in was started with, if any. */
  readonly appState: unknown
}

/** Where the last failure is kept for the sign-in debugger (this tab only). */
const LAST_ERROR_KEY = 'tessera.last-error'

/** Sign-out must not hang on revocation: it is best effort. */
const REVOKE_TIMEOUT_MS = 3_000
/**
 * How long a renewal keeps the cross-tab lock after announcing the rotated tokens, so sibling
 * tabs receive them before they can take the lock and re-check their cache.
 */
const BROADCAST_SETTLE_MS = 25

/**
 * The framework-free auth engine: one per page, created before React renders (SEC-35). It owns
 * the session and the per-API token cache, and exposes `subscribe`/`getSnapshot` for
 * `useSyncExternalStore`. A signed-in reload reads sessionStorage only; the protocol code
 * (oidc-client-ts, jose) is loaded when a sign-in or renewal needs it.
 */
export class AuthClient {
  readonly config: AppConfig
  readonly redirectUri: string
  readonly postLogoutRedirectUri: string
  /** Where silent (iframe) renewals come back: `silent-callback.html` at the app's base. */
  readonly silentRedirectUri: string

  private readonly store: SessionStore
  private readonly provider: ProviderCache
  private readonly storage: Storage
  private readonly navigate: (url: string) => void
  private readonly replaceUrl: (url: string) => void
  private readonly now: () => number
  private readonly fetchFn: typeof fetch
  private readonly loadProtocol: (options: ProtocolOptions) => Promise<Protocol>
  private readonly silentFrame: SilentFrameRunner | undefined
  private readonly withRefreshLock: <T>(task: () => Promise<T>) => Promise<T>
  private readonly renewOnce = createSingleFlight<AccessTokenEntry>()
  private readonly callbacks = new Map<string, Promise<SignInCompletion>>()
  private latestCallback: Promise<SignInCompletion> | undefined
  private readonly listeners = new Set<() => void>()
  private protocolPromise: Promise<Protocol> | undefined
  private pendingSignIn: Promise<void> | undefined
  /** The last session here reached maxSessionAge: the next sign-in authenticates afresh. */
  private reauthenticate = false
  private readonly tabs: TabSync | undefined
  private readonly dpop: DpopKeyStore | undefined
  /** The latest DPoP nonce each API origin handed out, for its next proofs (RFC 9449 §9). */
  private readonly dpopNonces = new Map<string, string>()
  private readonly events = new AuthEvents()
  private snapshot: AuthSnapshot
  private readonly renewal: RenewalContext
  private readonly signInContext: SignInContext

  constructor(options: AuthClientOptions) {
    const { config } = options
    this.config = config
    const uris = redirectUris(config, options.appBaseUrl)
    this.redirectUri = uris.redirectUri
    this.postLogoutRedirectUri = uris.postLogoutRedirectUri
    this.silentRedirectUri = uris.silentRedirectUri
    this.silentFrame = options.silentFrame
    this.storage = options.storage ?? sessionStorage
    this.navigate =
      options.navigate ??
      ((url) => {
        window.location.assign(url)
      })
    this.replaceUrl =
      options.replaceUrl ??
      ((url) => {
        window.history.replaceState(window.history.state, '', url)
      })
    this.now = options.now ?? Date.now
    this.fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis)
    this.loadProtocol = options.loadProtocol ?? loadDefaultProtocol
    this.store = new SessionStore(this.storage, config.authority, config.clientId)
    this.provider = new ProviderCache({
      authority: config.authority,
      storage: this.storage,
      fetch: this.fetchFn,
      extraOrigins: config.providerOrigins,
      configuredIssuer: config.issuer,
      now: this.now,
    })
    const locks = options.locks ?? browserLocks()
    this.withRefreshLock = createRefreshLock(
      `tessera-refresh:${config.authority}|${config.clientId}`,
      locks,
    )
    this.snapshot = this.snapshotOf(this.store.get(), null)
    this.tabs = this.createTabSync(options.channel, locks, options.sharedStorage)
    this.dpop = config.dpop
      ? (options.dpopKeys ?? lazyDpopKeys(`${config.authority}|${config.clientId}`))
      : undefined
    this.renewal = {
      config,
      protocol: () => this.protocol(),
      silentRedirectUri: this.silentRedirectUri,
      silentFrame: this.silentFrame,
      endSession: (error) => this.endSession(error),
    }
    this.signInContext = {
      config,
      redirectUri: this.redirectUri,
      storage: this.storage,
      provider: this.provider,
      now: this.now,
      protocol: () => this.protocol(),
      adoptSiblingSession: () => this.adoptSiblingSession(),
    }
  }

  private createTabSync(
    channel: TabChannel | null | undefined,
    locks: LockManager | undefined,
    sharedStorage: Storage | null | undefined,
  ): TabSync | undefined {
    const { authority, clientId } = this.config
    const name = `tessera:${authority}|${clientId}`
    const transport = channel === null ? undefined : (channel ?? browserTabChannel(name))
    if (!transport) return undefined
    const storage = sharedStorage === null ? undefined : (sharedStorage ?? browserLocalStorage())
    const note = storage && { storage, now: this.now }
    const presence =
      locks && new TabPresence(`tessera-signed-in:${authority}|${clientId}`, locks, note)
    if (presence && typeof window !== 'undefined') {
      window.addEventListener('pagehide', () => {
        presence.leaving()
      })
    }
    return new TabSync(
      transport,
      { issuer: authority, clientId, presence },
      {
        current: () => this.store.get(),
        adopt: (session) => {
          this.store.set(session)
          const { status, user, sessionEnd } = this.snapshot
          const next = this.snapshotOf(session, null)
          if (
            status !== 'signed-in' ||
            user?.sub !== session.claims.sub ||
            !sameSessionEnd(sessionEnd, next.sessionEnd)
          ) {
            this.publish(next)
          }
        },
        signedOut: (reason) => {
          this.store.clear()
          this.events.emit('signed-out', { reason: reason === 'user' ? 'other-tab' : 'expired' })
          const code = reason === 'user' ? 'signed_out' : 'interaction_required'
          this.publish(signedOut(new AuthError(code)))
        },
      },
    )
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getSnapshot = (): AuthSnapshot => this.snapshot

  /** Epoch ms on the clock the session's times use: the device's, corrected to the provider's. */
  time(): number {
    return this.now()
  }

  /** Subscribes to an auth event (see {@link AuthEventMap}); returns the unsubscribe function. */
  on<K extends AuthEventName>(name: K, listener: AuthEventListener<K>): () => void {
    return this.events.on(name, listener)
  }

  /** The access tokens held for each configured API, without the tokens (diagnostics). */
  inspectTokens(): TokenCacheView[] {
    const session = this.store.get()
    const now = this.now()
    return Object.entries(this.config.apis).map(([name, api]) => {
      const entry = session ? session.accessTokens[sessionCacheKey(session, api)] : undefined
      return {
        api: name,
        scopes: api.scopes,
        resource: api.resource ?? api.audience,
        expiresInMs: entry && entry.expiresAt - now,
        renewsInMs: entry && entry.renewAt - now,
      }
    })
  }

  /** The configured API `name`; a name that is not in `config.apis` is a configuration error. */
  api(name: string): ApiConfig {
    const api = this.config.apis[name]
    if (!api) {
      throw new ConfigError('config.json lacks an API the app calls:', [
        { path: `apis.${name}`, message: `add the API "${name}" (its baseUrl and scopes)` },
      ])
    }
    return api
  }

  /** Whether `url` is an authorization response for this app's redirect URI. */
  isCallbackUrl(url: string): boolean {
    const parsed = new URL(url)
    return (
      parsed.origin + parsed.pathname === this.redirectUri.replace(/[?#].*$/, '') &&
      isAuthorizationResponse(parsed)
    )
  }

  /**
   * Redirects to the provider (authorization code + PKCE S256, nonce, state). Never rejects:
   * a failure is published in the snapshot's `error`. With `stepUp`, signs in again even when
   * signed in, asking for a stronger or more recent authentication (RFC 9470).
   */
  signIn(requested: SignInOptions = {}): Promise<void> {
    // After maxSessionAge, the provider's own session must not sign the user straight back in.
    const options: SignInOptions =
      this.reauthenticate && requested.prompt === undefined && !requested.stepUp
        ? { ...requested, prompt: 'login' }
        : requested
    // A bad hint is a bug in the app: it throws here, at once, before anything is sent.
    const params = signInParams(options)
    // One redirect at a time: StrictMode effects and double clicks share it.
    this.pendingSignIn ??= this.startSignIn(options, params).finally(() => {
      this.pendingSignIn = undefined
    })
    return this.pendingSignIn
  }

  /** Leaves the `redirecting` state when the page comes back from the back/forward cache. */
  resumeAfterNavigation(): void {
    if (this.snapshot.status === 'redirecting') {
      this.publish(this.snapshotOf(this.store.get(), null))
    }
  }

  private async startSignIn(
    { returnTo, stepUp, appState, prompt }: SignInOptions,
    params: Record<string, string>,
  ) {
    // A sibling tab may have handed this tab a session since the caller looked; asking the
    // provider for another account or a fresh sign-in is a sign-in even while signed in.
    const again = stepUp !== undefined || prompt === 'select_account' || prompt === 'login'
    if (this.store.get() && !again) return
    this.publish({ ...this.snapshot, status: 'redirecting', error: null })
    try {
      const url = await createSignInRedirect(this.signInContext, {
        returnTo: safeReturnTo(returnTo ?? '/', new URL(this.redirectUri).origin),
        stepUp,
        appState,
        params,
        adoptSibling: !again,
      })
      if (url === undefined) this.publish(this.snapshotOf(this.store.get(), null))
      else this.navigate(url)
    } catch (error) {
      this.fail(error)
    }
  }

  /**
   * Completes a sign-in from the redirect URL, exactly once per response (SEC-11): StrictMode's
   * double effects and repeated calls share one code redemption. The code and state leave the
   * address bar before anything else happens (SEC-12).
   */
  handleCallback(url: string): Promise<SignInCompletion> {
    const state = new URL(url).searchParams.get('state') ?? ''
    let pending = this.callbacks.get(state)
    if (!pending) {
      this.replaceUrl(this.redirectUri.replace(/[?#].*$/, ''))
      pending = this.completeSignIn(url)
      this.callbacks.set(state, pending)
    }
    this.latestCallback = pending
    return pending
  }

  /**
   * The sign-in completion started on this page, if any: the callback route uses it when
   * bootstrap already began redeeming the code (and scrubbed it from the address bar).
   */
  callbackInProgress(): Promise<SignInCompletion> | undefined {
    return this.latestCallback
  }

  /**
   * An access token for the API `apiName`: from the cache while fresh, else one refresh grant
   * shared by every concurrent caller. Throws an {@link AuthError} with code
   * `interaction_required` when the user must sign in again.
   */
  async getAccessToken(apiName: string): Promise<AccessToken> {
    const api = this.api(apiName)
    const ended = this.enforceSessionEnd()
    if (ended) throw ended
    const session = this.requireSession()
    const key = sessionCacheKey(session, api)
    const cached = session.accessTokens[key]
    const entry =
      cached && isFresh(cached, this.now())
        ? cached
        : await this.renewOnce(key, () => this.renew(apiName, api, key))
    return { token: entry.token, scheme: entry.tokenType }
  }

  /**
   * A DPoP proof for one API request with `token` (RFC 9449 §7), when tokens are DPoP-bound,
   * carrying the nonce the API's origin last handed out. The key never leaves the browser's
   * crypto module.
   */
  async createProof(method: string, url: string, token: string): Promise<string> {
    const nonce = this.dpopNonces.get(new URL(url).origin)
    const keys = this.dpop && (await this.dpop.get())
    if (!keys) {
      throw this.endSession(
        new AuthError('interaction_required', {
          message: 'This browser no longer holds the key your session is bound to.',
        }),
      )
    }
    const { createDpopProof } = await import('./dpop/dpop')
    return createDpopProof(keys, {
      method,
      url,
      accessToken: token,
      now: this.now(),
      ...(nonce ? { nonce } : {}),
    })
  }

  /** Keeps the nonce an API's answer to `url` handed out, for that origin's next proofs. */
  acceptDpopNonce(url: string, nonce: string): void {
    this.dpopNonces.set(new URL(url).origin, nonce)
  }

  /** Drops `token` from the cache after the API rejected it, so the next call renews. */
  invalidateAccessToken(apiName: string, token: string): void {
    const session = this.store.get()
    if (!session) return
    const key = sessionCacheKey(session, this.api(apiName))
    if (session.accessTokens[key]?.token !== token) return // already renewed by another caller
    const { [key]: _rejected, ...rest } = session.accessTokens
    this.store.set({ ...session, accessTokens: rest })
  }

  /**
   * Clears the session here, revokes the refresh token where supported and ends the provider
   * session with `id_token_hint` (SEC-29). Never rejects.
   */
  async signOut(): Promise<void> {
    const session = this.store.get()
    this.store.clear()
    forgetPendingSignIns(this.storage) // SEC-42: nothing started before sign-out completes after
    this.tabs?.signedOut('user')
    if (session) this.events.emit('signed-out', { reason: 'user' })
    this.publish({ ...signedOut(null), status: session ? 'redirecting' : 'signed-out' })
    // A new session gets a new key: nothing bound to this one stays usable.
    await this.dpop?.remove().catch(() => undefined)
    if (!session) return
    let target: string | undefined
    try {
      const protocol = await this.protocol()
      if (session.refreshToken) {
        await Promise.race([
          protocol.revokeRefreshToken(session.refreshToken).catch(() => undefined),
          new Promise((resolve) => setTimeout(resolve, REVOKE_TIMEOUT_MS)),
        ])
      }
      target = await protocol.createSignOutUrl(session.idToken)
    } catch (error) {
      console.warn('Tessera: signed out here only; the provider could not be reached.', error)
    }
    this.navigate(target ?? this.postLogoutRedirectUri)
  }

  /**
   * Ends the session once its end (the snapshot's `sessionEnd`) has come: the refresh token is
   * spent or `maxSessionAge` has passed. The app calls it when its countdown reaches zero, so
   * the user is asked to sign in again on time rather than at the next request. Returns the
   * reason when it ended the session.
   */
  enforceSessionEnd(): AuthError | undefined {
    const session = this.store.get()
    const end = session && sessionEndOf(session, this.config.maxSessionAge)
    if (!end || this.now() < end.at) return undefined
    if (end.cause === 'max-session-age') this.reauthenticate = true
    return this.endSession(
      new AuthError('interaction_required', {
        message:
          end.cause === 'max-session-age'
            ? 'You have been signed in for as long as this app allows.'
            : 'Your session at the identity provider has ended.',
      }),
    )
  }

  /** Forgets an error the user has seen. */
  dismissError(): void {
    if (this.snapshot.error) this.publish({ ...this.snapshot, error: null })
  }

  private async completeSignIn(url: string): Promise<SignInCompletion> {
    try {
      const { session, returnTo, appState } = await redeemSignIn(this.signInContext, url)
      const previous = this.store.get()
      const saved = this.save(session)
      // Another account now (switching accounts): the last one's refresh token is of no more
      // use here, and revoked where the provider supports it (best effort).
      if (previous?.refreshToken && previous.claims.sub !== saved.claims.sub) {
        const spent = previous.refreshToken
        this.protocol()
          .then((protocol) => protocol.revokeRefreshToken(spent))
          .catch(() => undefined)
      }
      forgetPendingSignIns(this.storage) // SEC-42: any other request of this tab is void now
      this.reauthenticate = false
      this.publish(this.snapshotOf(saved, null))
      this.events.emit('signed-in', { sub: saved.claims.sub })
      return { returnTo, appState }
    } catch (error) {
      throw this.fail(error)
    }
  }

  /**
   * Answers an API's claims challenge (Entra Continuous Access Evaluation: 401
   * `insufficient_claims`) silently: one refresh grant carrying the claims, past the cache, whose
   * token replaces the refused one. Resolves false when the provider wants the user to interact
   * (sign in again with the claims); the session stays as it is then.
   */
  async reacquireWithClaims(apiName: string, claims: string): Promise<boolean> {
    const api = this.api(apiName)
    const key = sessionCacheKey(this.requireSession(), api)
    try {
      await this.renewOnce(`${key}|claims:${claims}`, () => this.renew(apiName, api, key, claims))
      return true
    } catch (error) {
      if (isStepUpRefusal(error)) return false
      throw error
    }
  }

  private async renew(
    apiName: string,
    api: ApiConfig,
    key: string,
    challenge?: string,
  ): Promise<AccessTokenEntry> {
    try {
      const entry = await this.renewLocked(api, key, challenge)
      this.events.emit('token-renewed', { api: apiName, expiresAt: entry.expiresAt })
      return entry
    } catch (error) {
      if (isAuthError(error)) this.events.emit('renewal-failed', { api: apiName, error })
      throw error
    }
  }

  private renewLocked(api: ApiConfig, key: string, challenge?: string): Promise<AccessTokenEntry> {
    return this.withRefreshLock(async () => {
      // Re-check after taking the lock: a caller (or a sibling tab) before us may have renewed.
      // A claims challenge refused the cached token, so it always goes to the provider.
      const session = this.requireSession()
      const cached = session.accessTokens[key]
      if (challenge === undefined && cached && isFresh(cached, this.now())) return cached
      const renewed = await renewSession(this.renewal, session, api, challenge)
      const entry = accessTokenEntry(renewed.accessToken, api, this.now())
      const now = this.now()
      const live = Object.entries(session.accessTokens).filter(([, e]) => e.expiresAt > now)
      const { refreshExpiresAt: _previous, ...kept } = session
      const refreshExpiresAt = renewedRefreshExpiry(session, renewed)
      const next: Session = {
        ...kept,
        refreshToken: renewed.refreshToken,
        ...(refreshExpiresAt === undefined ? {} : { refreshExpiresAt }),
        idToken: renewed.idToken,
        claims: renewed.claims,
        accessTokens: { ...Object.fromEntries(live), [key]: entry },
      }
      this.save(next)
      const snapshot = this.snapshotOf(next, null)
      if (
        renewed.claims !== session.claims ||
        !sameSessionEnd(snapshot.sessionEnd, this.snapshot.sessionEnd)
      ) {
        this.publish(snapshot)
      }
      if (this.tabs) await new Promise((resolve) => setTimeout(resolve, BROADCAST_SETTLE_MS))
      return entry
    })
  }

  /** Stores a new or renewed session and tells sibling tabs (newest `updatedAt` wins). */
  private save(session: Session): Session {
    const previous = this.store.get()?.updatedAt ?? 0
    const stamped = { ...session, updatedAt: Math.max(this.now(), previous + 1) }
    this.store.set(stamped)
    this.tabs?.announce(stamped)
    return stamped
  }

  /** A tab without a session asks its siblings before sending the user to the provider. */
  private async adoptSiblingSession(): Promise<boolean> {
    await this.tabs?.siblingsAnswered()
    return this.store.get() !== null
  }

  private protocol(): Promise<Protocol> {
    this.protocolPromise ??= this.loadProtocol({
      authority: this.config.authority,
      clientId: this.config.clientId,
      redirectUri: this.redirectUri,
      postLogoutRedirectUri: this.postLogoutRedirectUri,
      storage: this.storage,
      provider: this.provider,
      now: this.now,
      dpop: this.dpop,
      issuer: this.config.issuer,
    }).catch((error: unknown) => {
      this.protocolPromise = undefined // retry on the next attempt (e.g. back online)
      throw error
    })
    return this.protocolPromise
  }

  private requireSession(): Session {
    const session = this.store.get()
    if (!session) {
      throw new AuthError('interaction_required', { message: 'You are not signed in.' })
    }
    return session
  }

  /** The session can't continue: forget it and tell the user why (nothing else is lost). */
  private endSession(error: AuthError): AuthError {
    this.remember(error)
    this.store.clear()
    // Every tab shares this refresh-token lineage: it is dead for all of them.
    this.tabs?.signedOut('expired')
    this.publish(signedOut(error))
    this.events.emit('interaction-required', { error })
    return error
  }

  private fail(error: unknown): AuthError {
    const authError =
      error instanceof AuthError ? error : new AuthError('token_response_invalid', { cause: error })
    const said = [authError.providerError, authError.providerErrorDescription].filter(Boolean)
    console.error(
      `Tessera sign-in failed [${authError.code}]: ${authError.message}` +
        (said.length > 0 ? ` The provider said: ${said.join(': ')}.` : '') +
        ` ${authError.fix}`,
    )
    this.remember(authError)
    // A failed step-up leaves the existing session as it was; a failed sign-in has none.
    this.publish(this.snapshotOf(this.store.get(), authError))
    return authError
  }

  /** Keeps the last failure for the sign-in debugger, in this tab: no token in it (SEC-37). */
  private remember({ code, message, fix, providerError, providerErrorDescription }: AuthError) {
    const kept = { code, message, fix, providerError, providerErrorDescription }
    try {
      this.storage.setItem(LAST_ERROR_KEY, JSON.stringify(kept))
    } catch {
      // Storage full or disabled: the debugger shows no last error.
    }
  }

  /**
   * What the sign-in debugger shows (`diagnostics: true`): the URIs to register, the provider's
   * discovery as served and what Tessera thinks of it, the clock correction, the last failure
   * and each access token's claims (never a token). A chunk of its own.
   */
  async diagnose(): Promise<SignInDiagnosis> {
    const { checkDiscovery, accessTokenClaims } = await import('./diagnosis')
    const session = this.store.get()
    const now = this.now()
    let lastError: ReportedError | undefined
    try {
      const stored: unknown = JSON.parse(this.storage.getItem(LAST_ERROR_KEY) ?? 'null')
      lastError = stored ? (stored as ReportedError) : undefined
    } catch {
      lastError = undefined
    }
    return {
      redirectUri: this.redirectUri,
      postLogoutRedirectUri: this.postLogoutRedirectUri,
      silentRedirectUri:
        this.config.renewal === 'refresh-token' ? undefined : this.silentRedirectUri,
      authority: this.config.authority,
      expectedIssuer: this.config.issuer ?? this.config.authority,
      discovery: await checkDiscovery(this.config, this.fetchFn),
      clockOffsetMs: now - Date.now(),
      lastError,
      tokens: Object.entries(this.config.apis).map(([name, api]) => {
        const entry = session ? session.accessTokens[sessionCacheKey(session, api)] : undefined
        return {
          api: name,
          expiresInMs: entry && entry.expiresAt - now,
          claims: entry && accessTokenClaims(entry.token),
        }
      }),
    }
  }

  private snapshotOf(session: Session | null, error: AuthError | null): AuthSnapshot {
    return snapshotOf(session, error, this.config.maxSessionAge)
  }

  private publish(snapshot: AuthSnapshot): void {
    this.snapshot = snapshot
    for (const listener of this.listeners) listener()
  }
}

/** localStorage where the page may use it (privacy settings can make reading it throw). */
function browserLocalStorage(): Storage | undefined {
  try {
    // SEC-27 bans tokens and login state here; the one note kept is a time (tab-presence.ts).
    // eslint-disable-next-line no-restricted-globals
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}
