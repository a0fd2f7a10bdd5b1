/**
 * The silent callback page (`silent-callback.html`): the provider redirects the app's hidden
 * renewal frame here with the authorization response, and this hands the URL to the app that
 * framed it. A separate entry without imports, so the page loads this file and nothing else;
 * the message is the one `parseSilentCallbackMessage` reads (silent-callback.test.ts holds the
 * two together).
 */

type PageWindow = Pick<Window, 'parent' | 'location'>

export function announceSilentCallback(view: PageWindow): boolean {
  if (view.parent === view) return false // opened on its own: nobody to tell
  // SEC-32: the exact target origin is this page's own, so only the app itself can receive it;
  // the response never reaches a foreign page that framed this one (frame-ancestors 'self'
  // refuses that anyway).
  view.parent.postMessage(
    { type: 'tessera:silent-callback', url: view.location.href },
    view.location.origin,
  )
  return true
}

announceSilentCallback(window)
