/**
 * The one description of how the built app must be served: which paths exist, what each kind of
 * response is cached for, which security headers go with it (SEC-30..33, SEC-45), and where the
 * SPA fallback leads. The dev/e2e static host (dev/serve-dist.ts) and every generated host file
 * (dev/hosting/hosts/) are rendered from it, so they all send the same headers.
 */
import { normalizeBasePath } from './base-path'
import {
  SELF_FRAMED_DOCUMENTS,
  securityHeaders,
  STRICT_TRANSPORT_SECURITY,
} from '../security-headers'
import type { FrameAncestors } from '../security-headers'

/** Vite's `build.assetsDir`: content-hashed file names, so cacheable forever. */
export const ASSETS_DIR = 'assets'

export const CACHE_FOREVER = 'public, max-age=31536000, immutable'
/** index.html and config.json change with every deploy and must never be served stale. */
export const NEVER_CACHE = 'no-store'

/** A document that must differ from the rest, e.g. a silent-renewal page framed by the app. */
export interface DocumentException {
  /** Path below the base, e.g. `silent-renew.html`. */
  readonly path: string
  readonly frameAncestors: FrameAncestors
}

export interface HostingPolicy {
  /** Normalized base path, e.g. `/` or `/portal/`. */
  readonly basePath: string
  /** Security headers sent with every response below the base path (not only HTML). */
  readonly securityHeaders: Readonly<Record<string, string>>
  /** Cache-Control for hashed files below `{basePath}assets/`. */
  readonly assetsCacheControl: string
  /** Cache-Control for everything else: index.html, client routes, config.json. */
  readonly defaultCacheControl: string
  /** What the SPA fallback serves for a client-side route, below the base path. */
  readonly fallbackDocument: string
  /** Files that must never be cached, below the base path. */
  readonly uncachedFiles: readonly string[]
  /** Documents with their own framing rule; everything else has `frame-ancestors 'none'`. */
  readonly exceptions: readonly {
    readonly path: string
    readonly headers: Readonly<Record<string, string>>
  }[]
}

export interface PolicyOptions {
  /** The runtime config.json the app will be served with: the CSP's connect-src follows it. */
  readonly config: Record<string, unknown> | undefined
  readonly basePath?: string
  /**
   * Whether the host serves the app over TLS: every production host of the kit does (adds
   * HSTS, SEC-45); the loopback dev/e2e static host does not.
   */
  readonly tls: boolean
  /** Defaults to the pages the app frames itself (the silent renewal callback). */
  readonly exceptions?: readonly DocumentException[]
}

const APP_FRAMED: readonly DocumentException[] = SELF_FRAMED_DOCUMENTS.map((path) => ({
  path,
  frameAncestors: "'self'",
}))

export function hostingPolicy(options: PolicyOptions): HostingPolicy {
  const basePath = normalizeBasePath(options.basePath ?? '/')
  const transport = options.tls ? { 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : {}
  return {
    basePath,
    securityHeaders: { ...securityHeaders(options.config), ...transport },
    assetsCacheControl: CACHE_FOREVER,
    defaultCacheControl: NEVER_CACHE,
    fallbackDocument: 'index.html',
    uncachedFiles: ['index.html', 'config.json'],
    exceptions: (options.exceptions ?? APP_FRAMED).map(({ path, frameAncestors }) => ({
      path: path.replace(/^\/+/, ''),
      headers: { ...securityHeaders(options.config, frameAncestors), ...transport },
    })),
  }
}

/** Whether `relative` (a path below the base, without a leading slash) is a hashed asset. */
export function isHashedAsset(relative: string): boolean {
  return relative.startsWith(`${ASSETS_DIR}/`)
}

/**
 * Every header of a response for `relative` (a path below the base). Security headers go with
 * every status; only a successful asset response may be cached (a 404 never is).
 */
export function responseHeaders(
  policy: HostingPolicy,
  relative: string,
  status = 200,
): Record<string, string> {
  const exception = policy.exceptions.find((candidate) => candidate.path === relative)
  const cacheable = status < 400 && isHashedAsset(relative)
  return {
    ...(exception?.headers ?? policy.securityHeaders),
    'Cache-Control': cacheable ? policy.assetsCacheControl : policy.defaultCacheControl,
  }
}
