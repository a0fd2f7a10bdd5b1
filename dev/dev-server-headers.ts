/**
 * The security headers of the Vite dev server: the production hosts' (dev/security-headers.ts,
 * connect-src and frame-src following config.json), so a provider or API origin the CSP would
 * refuse in production is refused while developing too, plus the two things Vite's dev server
 * needs on top: a nonce for the inline scripts and styles it injects (React Refresh's preamble,
 * every imported stylesheet, its error overlay) and its hot-reload websocket.
 */
import { SELF_FRAMED_DOCUMENTS, securityHeaders } from './security-headers'

export interface DevServerHeaderOptions {
  /** Vite's `html.cspNonce`: the nonce of what the dev server injects. */
  readonly nonce: string
  /** The dev server's port, for its websocket (`ws://127.0.0.1:<port>`, `ws://localhost:<port>`). */
  readonly port: number
  /** The request's path, e.g. `/tasks` or `/silent-callback.html` (query left out). */
  readonly path: string
}

/** What the dev server adds to a directive of the production CSP. */
function devSources(options: DevServerHeaderOptions): Readonly<Record<string, string>> {
  const nonce = `'nonce-${options.nonce}'`
  const port = String(options.port)
  return {
    'script-src': nonce,
    'style-src': nonce,
    // 'self' covers ws: in CSP Level 3 browsers only; both host names open the dev server.
    'connect-src': `ws://127.0.0.1:${port} ws://localhost:${port}`,
  }
}

/** Headers for every response of the dev server: documents, modules and config.json. */
export function devServerHeaders(
  config: Record<string, unknown>,
  options: DevServerHeaderOptions,
): Record<string, string> {
  const framed = SELF_FRAMED_DOCUMENTS.some((document) => options.path === `/${document}`)
  const headers = securityHeaders(config, framed ? "'self'" : "'none'")
  const extra = devSources(options)
  const csp = (headers['Content-Security-Policy'] ?? '')
    .split('; ')
    .map((directive) => {
      const name = directive.split(' ', 1)[0] ?? ''
      const added = extra[name]
      return added === undefined ? directive : `${directive} ${added}`
    })
    .join('; ')
  return { ...headers, 'Content-Security-Policy': csp }
}
