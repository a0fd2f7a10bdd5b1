/**
 * GitHub Pages serves files only: no headers, no rewrites. Its SPA fallback is a `404.html` (the
 * app, answered with status 404), and the CSP goes in a `<meta>` element of every HTML document,
 * where browsers ignore `frame-ancestors`; X-Frame-Options, COOP, nosniff and HSTS cannot be set
 * at all (docs/hosting.md).
 */
import { type HostingPolicy, responseHeaders } from '../policy'

/** The CSP of the document at `relative` without what a `<meta>` CSP may not carry (CSP3 §4.2). */
function metaPolicy(policy: HostingPolicy, relative: string): string {
  return (responseHeaders(policy, relative)['Content-Security-Policy'] ?? '')
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors '))
    .join('; ')
}

/**
 * `html`, the document served at `relative` below the base (`index.html`,
 * `silent-callback.html`), with its CSP as the first `<head>` element.
 */
export function withMetaCsp(policy: HostingPolicy, html: string, relative: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${metaPolicy(policy, relative)}" />`
  const charset = /<meta charset="[^"]*"\s*\/?>/i
  if (!charset.test(html)) throw new Error(`${relative} has no <meta charset>`)
  // Replaces the CSP of an earlier run (two would both be enforced); after the charset, before
  // anything that loads.
  return html
    .replace(/\n\s*<meta http-equiv="Content-Security-Policy"[^>]*>/gi, '')
    .replace(charset, (tag) => `${tag}\n    ${meta}`)
}
