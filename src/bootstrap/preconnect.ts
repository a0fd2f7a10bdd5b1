/**
 * What a warmed connection will carry. Chromium keeps uncredentialed and credentialed
 * connections apart: the app's CORS requests (APIs, discovery, token) go without credentials,
 * so only an anonymous preconnect serves them; leaving for the provider is a navigation with its
 * cookies, which only a plain preconnect serves.
 */
export type ConnectionUse = 'cors' | 'navigation'

/**
 * Opens connections early to the origins this page is about to call or leave for: the APIs on a
 * signed-in page, the provider on a signed-out one. Asking again for one already hinted adds
 * nothing.
 */
export function preconnect(urls: readonly string[], use: ConnectionUse = 'cors'): void {
  const origins = new Set(urls.map((url) => new URL(url).origin))
  origins.delete(window.location.origin)
  const mode = use === 'cors' ? '[crossorigin]' : ':not([crossorigin])'
  for (const origin of origins) {
    if (document.head.querySelector(`link[rel=preconnect][href="${origin}"]${mode}`)) continue
    const link = document.createElement('link')
    link.rel = 'preconnect'
    link.href = origin
    if (use === 'cors') link.crossOrigin = 'anonymous'
    document.head.append(link)
  }
}
