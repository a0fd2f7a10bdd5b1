/**
 * GitHub Pages serves files only: no headers, no rewrites. Its SPA fallback is a `404.html` (the
 * app, answered with status 404), and the CSP goes in a `<meta>` element, where browsers ignore
 * `frame-ancestors`; X-Frame-Options, COOP and nosniff cannot be set at all (docs/hosting.md).
 */
import type { HostingPolicy } from '../policy'

/** The policy's CSP without the directives a `<meta>` CSP may not carry (CSP3 §4.2). */
function metaPolicy(policy: HostingPolicy): string {
  return (policy.securityHeaders['Content-Security-Policy'] ?? '')
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors '))
    .join('; ')
}

/** `index.html` (already pinned to the base path) with the CSP as its first `<head>` element. */
export function withMetaCsp(policy: HostingPolicy, indexHtml: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${metaPolicy(policy)}" />`
  const charset = /<meta charset="[^"]*"\s*\/?>/i
  if (!charset.test(indexHtml)) throw new Error('index.html has no <meta charset>')
  // After the charset, before anything that loads.
  return indexHtml.replace(charset, (tag) => `${tag}\n    ${meta}`)
}
