/**
 * A sub-path deployment usually means an origin shared with other apps (GitHub Pages project
 * sites all live on `<user>.github.io`), and the browser's boundary is the origin, not the path.
 * This says exactly what Tessera's code leaves reachable to the other apps of its origin
 * (src/auth/core/tabs/tab-sync.ts, tab-presence.ts, refresh-lock.ts, session-store.ts, dpop.ts).
 */

/** The warning `npm run hosting` prints for `basePath` (normalized), or none at the root. */
export function sharedOriginWarning(
  basePath: string,
  config: { readonly authority?: unknown; readonly clientId?: unknown },
): string | undefined {
  if (basePath === '/') return undefined
  const channel = `tessera:${String(config.authority)}|${String(config.clientId)}`
  return [
    `hosting: warning: --base ${basePath} suggests an origin shared with other apps (e.g. a`,
    'GitHub Pages project site on <user>.github.io, or other paths of one host). Browsers',
    'separate origins, not paths: any page on the same origin runs as same-origin script beside',
    'Tessera. It can listen on the BroadcastChannel',
    `"${channel}", where every signed-in Tessera tab sends`,
    'its whole session (ID, access and refresh tokens) on each sign-in and renewal and to any',
    "page that asks; post a fake sign-out or session there; take Tessera's Web Locks (stalling",
    'every renewal); use the DPoP key in IndexedDB when "dpop" is on; read the session in',
    'sessionStorage in a tab where it loads after Tessera; and script any Tessera tab it opens.',
    'Deploy Tessera on an origin of its own (its own host name) unless every other page on that',
    'origin is yours and as trusted as Tessera. See docs/security.md, "Residual risks".',
  ].join('\n')
}
