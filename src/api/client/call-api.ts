import { UsageError } from '../../errors'
import { ApiError, ApiUnreachableError } from './api-error'
import { stepUpFrom } from './step-up'
import { parseWwwAuthenticate } from './www-authenticate'

/** What `callApi` needs to reach one protected API; built from the auth client. */
export interface ApiEndpoint {
  /** Bearer tokens are sent only to URLs below this base (SEC-25). */
  readonly baseUrl: string
  /** Gets a token at request time, never one captured during render. */
  getToken(): Promise<{ token: string; scheme: string }>
  /** Forgets a token the API rejected, so the next `getToken` renews it. */
  invalidateToken(token: string): void
  /** Signs a DPoP proof for a request with a DPoP-bound token (RFC 9449 §7). */
  createProof?(method: string, url: string, token: string): Promise<string>
  /** Keeps a DPoP nonce the API handed out, for the proofs of later requests (§9). */
  acceptDpopNonce?(url: string, nonce: string): void
  /**
   * What to check when the API refuses even a just-renewed token: then the token is wrong for
   * this API (audience, scopes), not stale, and the cause is usually config.json.
   */
  readonly rejectedTokenFix?: string
  /**
   * Answers a claims challenge silently (a token carrying `claims`, Entra CAE); resolves false
   * when the user must interact, which the caller then asks for as a step-up.
   */
  reacquireWithClaims?(claims: string): Promise<boolean>
}

export interface ApiRequest {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  readonly body?: unknown
  readonly signal?: AbortSignal
}

/** Resolves `path` below `baseUrl`, refusing anything that would leave it (e.g. `//evil`). */
export function resolveApiUrl(baseUrl: string, path: string): URL {
  const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`)
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) {
    throw new UsageError(`API paths start with a single "/": ${path}`)
  }
  const url = new URL(path.slice(1), base)
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) {
    throw new UsageError(`Refusing to send a token outside ${base.href}: ${path}`)
  }
  return url
}

/**
 * Calls a protected API with the right access token and returns the parsed JSON body (unknown:
 * parse it at the call site). A 401 renews the token and retries once (SEC-25: no loops); a
 * DPoP nonce challenge is answered once, and so is a claims challenge (silently, when the
 * provider allows it).
 */
export async function callApi(
  endpoint: ApiEndpoint,
  path: string,
  request: ApiRequest = {},
): Promise<unknown> {
  const url = resolveApiUrl(endpoint.baseUrl, path)
  const method = request.method ?? 'GET'
  let renewed = false
  let nonceAnswered = false
  let claimsAnswered = false
  for (;;) {
    const { token, scheme } = await endpoint.getToken()
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `${scheme} ${token}`,
    }
    if (request.body !== undefined) headers['Content-Type'] = 'application/json'
    if (scheme === 'DPoP') {
      if (!endpoint.createProof) throw new UsageError('A DPoP-bound token needs createProof.')
      headers.DPoP = await endpoint.createProof(method, url.href, token)
    }
    const response = await send(url, {
      method,
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      ...(request.signal ? { signal: request.signal } : {}),
      // A redirect could carry the Authorization header elsewhere; never follow one.
      redirect: 'error',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    })
    const nonce = response.headers.get('DPoP-Nonce')
    if (nonce) endpoint.acceptDpopNonce?.(url.href, nonce)
    if (response.ok) {
      return response.status === 204 ? undefined : ((await response.json()) as unknown)
    }
    const challenge = parseWwwAuthenticate(response.headers.get('WWW-Authenticate')).find(
      (c) => c.scheme === scheme.toLowerCase(),
    )
    if (challenge?.params.error === 'use_dpop_nonce' && nonce && !nonceAnswered) {
      nonceAnswered = true
      continue
    }
    const stepUp = stepUpFrom(challenge)
    // Entra CAE: a token with the requested claims is usually one silent refresh away.
    if (
      response.status === 401 &&
      stepUp?.claims !== undefined &&
      !claimsAnswered &&
      endpoint.reacquireWithClaims
    ) {
      claimsAnswered = true
      if (await endpoint.reacquireWithClaims(stepUp.claims)) continue
    }
    // A stronger sign-in is needed (RFC 9470): a renewed token would be refused just the same.
    if (response.status === 401 && !renewed && !stepUp) {
      renewed = true
      endpoint.invalidateToken(token)
      continue
    }
    const message = await errorMessage(response, challenge)
    if (response.status === 401 && renewed && endpoint.rejectedTokenFix !== undefined) {
      console.error(
        `Tessera: ${url.origin} refused a freshly issued access token: ${message} ${endpoint.rejectedTokenFix}`,
      )
      throw new ApiError(response.status, message, challenge, endpoint.rejectedTokenFix)
    }
    throw new ApiError(response.status, message, challenge)
  }
}

/** `fetch`, its network failure named as such (a cancelled request stays an AbortError). */
async function send(url: URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch (error) {
    if (init.signal?.aborted) throw error
    throw new ApiUnreachableError(url.origin, { cause: error })
  }
}

async function errorMessage(
  response: Response,
  challenge: ReturnType<typeof parseWwwAuthenticate>[number] | undefined,
): Promise<string> {
  const type = response.headers.get('Content-Type') ?? ''
  if (type.includes('json')) {
    try {
      const body: unknown = await response.json()
      if (typeof body === 'object' && body !== null) {
        const { detail, title } = body as { detail?: unknown; title?: unknown }
        if (typeof detail === 'string') return detail
        if (typeof title === 'string') return title
      }
    } catch {
      // fall through to the status line
    }
  }
  const described = challenge?.params.error_description ?? challenge?.params.error
  return described ?? `The API answered ${String(response.status)} ${response.statusText}`.trim()
}
