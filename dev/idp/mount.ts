import type { IncomingMessage } from 'node:http'

/** The path of `issuer` without a trailing slash: '' for an origin or `https://host/`. */
export function mountPathOf(issuer: string): string {
  return new URL(issuer).pathname.replace(/\/$/, '')
}

/**
 * Mounts oidc-provider below `mountPath` the way Express would: the provider sees the rest of
 * the URL, and `req.baseUrl` (which oidc-provider reads when it builds its own URLs for
 * discovery and redirects) holds the prefix. Returns false for a URL outside the mount.
 */
export function mountRequest(req: IncomingMessage, mountPath: string): boolean {
  if (mountPath === '') return true
  const url = req.url ?? '/'
  const rest = url.slice(mountPath.length)
  if (
    !url.startsWith(mountPath) ||
    !(rest === '' || rest.startsWith('/') || rest.startsWith('?'))
  ) {
    return false
  }
  req.url = rest.startsWith('/') ? rest : `/${rest}`
  Object.assign(req, { baseUrl: mountPath })
  return true
}
