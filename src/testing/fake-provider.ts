import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose'

/**
 * An in-memory OpenID provider behind a `fetch` function: the network edge is fake, the code
 * under test (oidc-client-ts and Tessera's core) is real. Tokens are really signed with jose.
 */
export interface FakeProvider {
  readonly issuer: string
  readonly clientId: string
  readonly fetch: typeof fetch
  /** Every request the provider saw, e.g. to count token grants. */
  readonly requests: { method: string; url: string; body: URLSearchParams | undefined }[]
  /** Simulates the user signing in at `authorizeUrl`; returns the callback URL. */
  authorize(authorizeUrl: string, params?: Record<string, string>): string
  /** Overrides for the next token responses (e.g. to tamper with the ID token). */
  tamper: {
    idTokenClaims?: JWTPayload
    idTokenAlg?: 'none'
    tokenResponse?: Record<string, unknown>
    tokenStatus?: number
  }
  signIdToken(claims: JWTPayload): Promise<string>
  /** Replaces the signing key (new `kid`); the JWKS then publishes only the new one. */
  rotateKey(): Promise<void>
  tokenGrants(type: string): number
}

const USER = { sub: 'user-alice', name: 'Alice Liddell', email: 'alice@example.test' }

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

async function sha256base64url(value: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value))
  return btoa(String.fromCharCode(...new Uint8Array(digest)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

export async function createFakeProvider(
  options: {
    issuer?: string
    clientId?: string
    rotateRefreshTokens?: boolean
    /** `false`: a provider that gives this client no refresh token at all. */
    issueRefreshTokens?: boolean
    /**
     * The `issuer` discovery names instead of `issuer`, e.g. an Entra `{tenantid}` template; the
     * provider then sends no RFC 9207 `iss` (as Entra does not). ID tokens keep `issuer`.
     */
    discoveryIssuer?: string
  } = {},
): Promise<FakeProvider> {
  const issuer = options.issuer ?? 'https://idp.example.test'
  const clientId = options.clientId ?? 'tessera-spa'
  let { privateKey, publicKey } = await generateKeyPair('RS256')
  let kid = 'key-1'
  let publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }
  const codes = new Map<
    string,
    { challenge: string; nonce: string; redirectUri: string; acr: string | undefined }
  >()
  /** Live refresh tokens, with the authentication (auth_time, acr) their ID tokens repeat. */
  const liveRefreshTokens = new Map<string, JWTPayload>()
  let counter = 0

  const provider: FakeProvider = {
    issuer,
    clientId,
    requests: [],
    tamper: {},
    tokenGrants: (type) =>
      provider.requests.filter((r) => r.body?.get('grant_type') === type).length,

    async signIdToken(claims) {
      const now = Math.floor(Date.now() / 1000)
      return new SignJWT({ iss: issuer, aud: clientId, sub: USER.sub, name: USER.name, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setIssuedAt(typeof claims.iat === 'number' ? claims.iat : now)
        .setExpirationTime(typeof claims.exp === 'number' ? claims.exp : now + 3600)
        .sign(privateKey)
    },

    async rotateKey() {
      ;({ privateKey, publicKey } = await generateKeyPair('RS256'))
      kid = `key-${String(++counter)}`
      publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }
    },

    authorize(authorizeUrl, params = {}) {
      const url = new URL(authorizeUrl)
      const code = `code-${String(++counter)}`
      codes.set(code, {
        challenge: url.searchParams.get('code_challenge') ?? '',
        nonce: url.searchParams.get('nonce') ?? '',
        redirectUri: url.searchParams.get('redirect_uri') ?? '',
        // The user authenticates now, as strongly as the request asks.
        acr: url.searchParams.get('acr_values')?.split(' ')[0],
      })
      const callback = new URL(url.searchParams.get('redirect_uri') ?? '')
      callback.searchParams.set('code', code)
      callback.searchParams.set('state', url.searchParams.get('state') ?? '')
      if (options.discoveryIssuer === undefined) callback.searchParams.set('iss', issuer)
      for (const [key, value] of Object.entries(params)) callback.searchParams.set(key, value)
      return callback.href
    },

    fetch: async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input))
      const body =
        typeof init?.body === 'string' || init?.body instanceof URLSearchParams
          ? new URLSearchParams(init.body)
          : undefined
      provider.requests.push({ method: init?.method ?? 'GET', url: url.href, body })
      // Endpoints live below the issuer's path (e.g. an Entra tenant's /<tenant>/v2.0).
      const route = url.pathname.slice(new URL(issuer).pathname.replace(/\/$/, '').length)
      if (route === '/.well-known/openid-configuration') {
        return json({
          issuer: options.discoveryIssuer ?? issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          end_session_endpoint: `${issuer}/logout`,
          revocation_endpoint: `${issuer}/revoke`,
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          authorization_response_iss_parameter_supported: options.discoveryIssuer === undefined,
        })
      }
      if (route === '/jwks') return json({ keys: [publicJwk] })
      if (route === '/revoke') return new Response(null, { status: 200 })
      if (route !== '/token' || !body) return json({ error: 'not_found' }, 404)

      const { tamper } = provider
      if (tamper.tokenStatus) return json(tamper.tokenResponse ?? {}, tamper.tokenStatus)
      const grant = body.get('grant_type')
      let nonce: string | undefined
      let authentication: JWTPayload = {}
      if (grant === 'authorization_code') {
        const entry = codes.get(body.get('code') ?? '')
        codes.delete(body.get('code') ?? '')
        const verifier = body.get('code_verifier') ?? ''
        if (entry?.challenge !== (await sha256base64url(verifier))) {
          return json({ error: 'invalid_grant', error_description: 'bad code' }, 400)
        }
        nonce = entry.nonce
        authentication = {
          auth_time: Math.floor(Date.now() / 1000),
          ...(entry.acr ? { acr: entry.acr } : {}),
        }
      } else if (grant === 'refresh_token') {
        const presented = body.get('refresh_token') ?? ''
        const lineage = liveRefreshTokens.get(presented)
        if (!lineage) {
          liveRefreshTokens.clear() // reuse detection revokes the whole grant
          return json({ error: 'invalid_grant', error_description: 'grant revoked' }, 400)
        }
        authentication = lineage
        if (options.rotateRefreshTokens !== false) liveRefreshTokens.delete(presented)
      } else {
        return json({ error: 'unsupported_grant_type' }, 400)
      }
      const refreshToken =
        options.issueRefreshTokens === false ? undefined : `rt-${String(++counter)}`
      if (refreshToken !== undefined) liveRefreshTokens.set(refreshToken, authentication)
      const idToken =
        tamper.idTokenAlg === 'none'
          ? `${btoa(JSON.stringify({ alg: 'none' }))}.${btoa(JSON.stringify({ iss: issuer, aud: clientId, sub: USER.sub }))}.`
          : await provider.signIdToken({
              ...(nonce ? { nonce } : {}),
              ...authentication,
              ...tamper.idTokenClaims,
            })
      return json({
        access_token: `at-${String(++counter)}-for-${body.get('resource') ?? 'default'}`,
        token_type: 'Bearer',
        expires_in: 600,
        refresh_token: refreshToken,
        id_token: idToken,
        scope: body.get('scope') ?? 'openid',
        ...tamper.tokenResponse,
      })
    },
  }
  return provider
}
