import { AuthError } from '../errors'

/**
 * Whether two origins are surely on different sites (schemeful same-site, HTML §7.1.1), which is
 * when browsers treat the provider's cookies in a frame of the app as third-party.
 *
 * Without the Public Suffix List (tens of KiB) this is one-sided: it compares the scheme and
 * the last two host labels, so it never calls a same-site pair cross-site, but it misses pairs
 * that differ only below a public suffix (`a.github.io` / `b.github.io`). It picks an error
 * message, never a security decision.
 */
export function isSurelyCrossSite(a: string, b: string): boolean {
  const first = new URL(a)
  const second = new URL(b)
  if (first.protocol !== second.protocol) return true
  return siteHost(first.hostname) !== siteHost(second.hostname)
}

function siteHost(hostname: string): string {
  // IP addresses (v4, or v6 in brackets) are their own site.
  if (/^[\d.]+$/.test(hostname) || hostname.startsWith('[')) return hostname
  return hostname.split('.').slice(-2).join('.')
}

/**
 * The error for a silent renewal refused for want of a provider session, when the provider is on
 * another site than the app: the browser withheld its cookies from the hidden frame. Its text
 * lives here, in this lazy chunk, not in the first load.
 */
export function thirdPartyCookiesBlocked(cause: AuthError): AuthError {
  return new AuthError('third_party_cookies_blocked', {
    message:
      'Your session could not be renewed in the background: the browser withholds the identity provider’s cookies from this app (third-party cookies: the provider is on another site).',
    fix: 'Sign in again; you will come back here. For good: host the provider on this app’s site (e.g. login.example.com for app.example.com), or enable refresh tokens.',
    cause,
    ...(cause.providerError ? { providerError: cause.providerError } : {}),
  })
}
