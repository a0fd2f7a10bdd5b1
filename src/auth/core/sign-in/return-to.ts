// Control characters are exactly what must be refused here.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\\\x00-\x1f\x7f]/

/**
 * SEC-13: the place to come back to after sign-in may only be a path on this origin. Anything
 * else (`//evil`, `/\evil`, absolute URLs, `javascript:`, encoded or control-character forms)
 * falls back to `fallback`.
 *
 * @param candidate untrusted (it round-trips through the provider)
 * @param origin this app's origin
 */
export function safeReturnTo(candidate: unknown, origin: string, fallback = '/'): string {
  if (typeof candidate !== 'string' || !candidate.startsWith('/')) return fallback
  if (candidate.startsWith('//') || UNSAFE_CHARS.test(candidate)) return fallback
  let decoded: string
  try {
    decoded = decodeURIComponent(candidate)
  } catch {
    return fallback
  }
  if (decoded.startsWith('//') || UNSAFE_CHARS.test(decoded)) return fallback
  let url: URL
  try {
    url = new URL(candidate, origin)
  } catch {
    return fallback
  }
  if (url.origin !== origin) return fallback
  const path = `${url.pathname}${url.search}${url.hash}`
  // Dot segments can normalise to `//host` (`/..//evil`, `/a/..//evil`), which a navigation
  // would read as another origin: the normalised path must pass the same checks.
  return path.startsWith('//') ? fallback : path
}
