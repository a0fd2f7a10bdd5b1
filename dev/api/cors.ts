import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http'

/**
 * CORS for the app's origin only. Bearer tokens travel in a header, not cookies, so no
 * Allow-Credentials; WWW-Authenticate is exposed so the app can read RFC 6750 error codes.
 */
export function corsHeaders(req: IncomingMessage, appOrigin: string): OutgoingHttpHeaders {
  if (req.headers.origin !== appOrigin) return { Vary: 'Origin' }
  return {
    Vary: 'Origin',
    'Access-Control-Allow-Origin': appOrigin,
    'Access-Control-Expose-Headers': 'WWW-Authenticate, DPoP-Nonce',
  }
}

const ALLOWED_METHODS = new Set(['GET', 'POST', 'DELETE'])
const ALLOWED_HEADERS = new Set(['authorization', 'content-type', 'dpop'])

/** Answer to a preflight; without CORS headers unless the app's origin asks for what we allow. */
export function preflightHeaders(req: IncomingMessage, appOrigin: string): OutgoingHttpHeaders {
  const vary = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers'
  const method = req.headers['access-control-request-method'] ?? ''
  const headers = (req.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '')
  const allowed =
    req.headers.origin === appOrigin &&
    ALLOWED_METHODS.has(method) &&
    headers.every((name) => ALLOWED_HEADERS.has(name))
  if (!allowed) return { Vary: vary }
  return {
    Vary: vary,
    'Access-Control-Allow-Origin': appOrigin,
    'Access-Control-Allow-Methods': [...ALLOWED_METHODS].join(', '),
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, DPoP',
    'Access-Control-Max-Age': '600',
  }
}
