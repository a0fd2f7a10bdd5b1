/**
 * Points the built `index.html` at the path the app is deployed under. Vite builds with relative
 * URLs (`base: './'`), so scripts, styles and chunks find each other from anywhere; only
 * `index.html` needs absolute ones, because the SPA fallback serves it at deep paths such as
 * `/portal/auth/callback`, where `./assets/…` would resolve to `/portal/auth/assets/…`.
 * A `<base href>` element would do the same without rewriting, but the CSP's `base-uri 'none'`
 * (SEC-30) blocks it (docs/decisions/0006-one-build-any-base-path.md).
 */

/** The module script Vite injects: `<script async type="module" crossorigin src="{base}assets/…">`. */
const ENTRY_SCRIPT = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]*?)assets\/[^"]+"[^>]*>/

/** The base path `index.html` currently points at (`./` as built by Vite, `/` or `/portal/`). */
export function indexBasePath(html: string): string {
  const base = ENTRY_SCRIPT.exec(html)?.[1]
  if (base === undefined) {
    throw new Error(
      'index.html has no <script type="module" src="…assets/…">: is this a Vite build of Tessera?',
    )
  }
  return base
}

/**
 * `index.html` with every local `src`/`href` moved from its current base to `basePath` (a
 * normalized path like `/` or `/portal/`). Idempotent, and repeatable with another base.
 */
export function pinBasePath(html: string, basePath: string): string {
  const current = indexBasePath(html)
  return html.replace(/(\s(?:src|href)=")([^"]*)"/g, (match, attribute: string, url: string) =>
    url.startsWith(current) && !url.startsWith('//')
      ? `${attribute}${basePath}${url.slice(current.length)}"`
      : match,
  )
}
