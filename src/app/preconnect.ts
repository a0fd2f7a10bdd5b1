/**
 * Opens connections early to the origins this page is about to call: the APIs on a signed-in
 * page, the provider on a signed-out one. `crossorigin` matches the app's uncredentialed CORS
 * requests, so the warmed connection is the one they use.
 */
export function preconnect(urls: readonly string[]): void {
  const origins = new Set(urls.map((url) => new URL(url).origin))
  origins.delete(window.location.origin)
  for (const origin of origins) {
    const link = document.createElement('link')
    link.rel = 'preconnect'
    link.href = origin
    link.crossOrigin = 'anonymous'
    document.head.append(link)
  }
}
