/**
 * HTTP security headers for the app's HTML documents, derived from its runtime `config.json`.
 * A pure function with no dev-stack imports, so a hosting kit (nginx/CDN config generator, a
 * production static host) can reuse it as is.
 */

function originOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  try {
    const { origin } = new URL(value)
    // Opaque origins (data:, blob:, ...) serialize as "null": never a connect-src source.
    return origin === 'null' ? undefined : origin
  } catch {
    return undefined
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Origins the app talks to with fetch/XHR besides its own: the OpenID provider (`authority`:
 * discovery, token, userinfo, revocation; plus `providerOrigins`, where a provider splits its
 * endpoints across hosts) and every API's `baseUrl`. Sorted, without duplicates; unparsable
 * values are skipped (the app's own config validation reports them).
 */
export function connectOrigins(config: Record<string, unknown> | undefined): string[] {
  if (config === undefined) return []
  const origins = new Set<string>()
  const authority = originOf(config.authority)
  if (authority !== undefined) origins.add(authority)
  if (Array.isArray(config.providerOrigins)) {
    for (const value of config.providerOrigins) {
      const origin = originOf(value)
      if (origin !== undefined) origins.add(origin)
    }
  }
  if (isRecord(config.apis)) {
    for (const api of Object.values(config.apis)) {
      const origin = isRecord(api) ? originOf(api.baseUrl) : undefined
      if (origin !== undefined) origins.add(origin)
    }
  }
  return [...origins].sort()
}

/**
 * SEC-45: browsers remember for a year that this host is https only, so a later plain-http link
 * or a network attacker's downgrade never reaches it (RFC 6797). Sent only where TLS is served:
 * browsers ignore it over http, and the loopback dev stack is http. `includeSubDomains` covers
 * the names below the app's host. No `preload`: that asks browsers to hard-code the whole
 * registrable domain as https-only, a decision for the domain's owner and slow to undo
 * (docs/hosting.md).
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains'

/** Which sites may frame a document (CSP `frame-ancestors`); `'none'` unless a page must be. */
export type FrameAncestors = "'none'" | "'self'"

/**
 * Documents (paths below the app's base) the app frames itself, so they may be framed by the
 * app's own origin and no other: the silent renewal callback. Every other document: no framing.
 */
export const SELF_FRAMED_DOCUMENTS: readonly string[] = ['silent-callback.html']

/**
 * What the app may frame: its silent renewal iframe loads the provider's authorization endpoint,
 * which redirects back to the app's silent callback page. Nothing when renewal is refresh-token
 * only.
 */
function frameSources(config: Record<string, unknown> | undefined): string {
  const authority = originOf(config?.authority)
  if (authority === undefined || config?.renewal === 'refresh-token') return "'none'"
  return `'self' ${authority}`
}

/** The Content-Security-Policy for the app's documents; see `securityHeaders`. */
export function contentSecurityPolicy(
  config: Record<string, unknown> | undefined,
  frameAncestors: FrameAncestors = "'none'",
): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...connectOrigins(config)].join(' '),
    `frame-src ${frameSources(config)}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors}`,
    // SEC-46: the DOM's injection sinks (innerHTML, script src, eval, ...) refuse plain strings,
    // and no Trusted Types policy may be created that could turn one into trusted values: the
    // app and its libraries use no sink (e2e/security/trusted-types.spec.ts proves it), so a
    // dependency that starts to use one fails loudly instead of opening a DOM XSS path.
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
    // No upgrade-insecure-requests: the local stack is plain http on loopback.
  ].join('; ')
}

/**
 * Headers to send with every HTML response of the app. `config` is the app's runtime
 * configuration (the object served as `config.json`); `connect-src` allows exactly its
 * `authority` origin and each `apis.*.baseUrl` origin. `frameAncestors` is `'self'` only for
 * the documents in `SELF_FRAMED_DOCUMENTS` (see dev/hosting/policy.ts).
 */
export function securityHeaders(
  config: Record<string, unknown> | undefined,
  frameAncestors: FrameAncestors = "'none'",
): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(config, frameAncestors),
    'Referrer-Policy': 'no-referrer',
    // SEC-31: the legacy header for browsers without CSP frame-ancestors, kept in step with it.
    'X-Frame-Options': frameAncestors === "'self'" ? 'SAMEORIGIN' : 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  }
}
