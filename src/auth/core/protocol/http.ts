import { AuthError } from '../errors'

/** SEC-24: every call to the provider has a deadline. */
export const PROVIDER_TIMEOUT_MS = 10_000

/** GETs provider JSON (discovery, JWKS) with a timeout, mapping failures to {@link AuthError}. */
export async function fetchProviderJson(
  url: string,
  failure: 'discovery_failed',
  fetchFn: typeof fetch,
  timeoutMs = PROVIDER_TIMEOUT_MS,
): Promise<unknown> {
  let response: Response
  try {
    response = await fetchFn(url, {
      signal: AbortSignal.timeout(timeoutMs),
      credentials: 'omit',
      headers: { Accept: 'application/json' },
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'TimeoutError') {
      throw new AuthError('timeout', { cause })
    }
    throw new AuthError('network_error', { cause, message: `Could not reach ${url}.` })
  }
  if (!response.ok) {
    throw new AuthError(failure, { message: `${url} answered ${String(response.status)}.` })
  }
  try {
    return await response.json()
  } catch (cause) {
    throw new AuthError(failure, { cause, message: `${url} did not answer JSON.` })
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The payload of a compact JWS, decoded but NOT verified: for what only informs (a refresh
 * token's `exp`, the debugger's view of an access token). Undefined when `token` is not a JWT,
 * as most providers' refresh tokens are not. (jose's decodeJwt does the same, at 0.6 KiB; this
 * one sits in the first-load chunk both lazy users share.)
 */
export function unverifiedJwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.')
  if (parts.length !== 3 || parts[1] === undefined) return undefined
  try {
    const binary = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'))
    const json: unknown = JSON.parse(
      new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))),
    )
    return isRecord(json) ? json : undefined
  } catch {
    return undefined
  }
}
