/**
 * A small static host for the built app (`dist/`), used by `npm start -- --dist`, the e2e suite
 * and the bench. Plain node:http, with the headers, caching and SPA fallback of the hosting policy
 * (dev/hosting/policy.ts) that every generated host file follows too, index.html pinned to the
 * base path on the fly (dev/hosting/index-html.ts), and an optional deploy-time `config.json`
 * override so one build can talk to any stack without a rebuild.
 */
import { createReadStream } from 'node:fs'
import { readFile, realpath, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { HOST } from './config'
import type { RunningServer } from './config'
import { normalizeBasePath } from './hosting/base-path'
import { pinBasePath } from './hosting/index-html'
import { hostingPolicy, responseHeaders } from './hosting/policy'

export { normalizeBasePath }

export interface StaticSiteOptions {
  /** Folder to serve, e.g. the absolute path of `dist/`. */
  readonly root: string
  /** Port to listen on; 0 picks a free one (its URL is in the result). */
  readonly port: number
  /** Interface to bind; loopback by default. */
  readonly host?: string
  /** URL path the app is served under, e.g. `/` (default) or `/portal/`. Requests outside it 404. */
  readonly basePath?: string
  /** When given, `GET {basePath}config.json` answers this object instead of the file on disk. */
  readonly config?: Record<string, unknown> | undefined
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + path.sep)
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const address = server.address()
      resolve(typeof address === 'object' && address !== null ? address.port : port)
    })
  })
}

/** Serves `root` over plain http; see `StaticSiteOptions`. */
export async function startStaticSite(options: StaticSiteOptions): Promise<RunningServer> {
  const host = options.host ?? HOST
  const basePath = normalizeBasePath(options.basePath ?? '/')
  const root = await realpath(options.root)
  const configOverride = options.config

  /** The config the page will run with, for the CSP's connect-src. */
  async function currentConfig(): Promise<Record<string, unknown> | undefined> {
    if (configOverride !== undefined) return configOverride
    try {
      const parsed: unknown = JSON.parse(await readFile(path.join(root, 'config.json'), 'utf8'))
      return isRecord(parsed) ? parsed : undefined
    } catch {
      return undefined
    }
  }

  /** The regular file at `relative` (already decoded and checked), if any, inside root. */
  async function findFile(relative: string): Promise<{ file: string; size: number } | undefined> {
    const candidate = path.resolve(root, relative)
    if (!isInside(root, candidate)) return undefined
    try {
      const stats = await stat(candidate)
      if (!stats.isFile()) return undefined
      // Symlinks must not lead out of root either.
      if (!isInside(root, await realpath(candidate))) return undefined
      return { file: candidate, size: stats.size }
    } catch {
      return undefined
    }
  }

  /** The policy for the config the page will run with (the CSP's connect-src follows it). */
  async function currentPolicy() {
    // Plain http on loopback: no HSTS, which browsers would ignore here anyway.
    return hostingPolicy({ config: await currentConfig(), basePath, tls: false })
  }

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    headers: OutgoingHttpHeaders,
    body: string | Buffer,
  ): void {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body
    res.writeHead(status, {
      'X-Content-Type-Options': 'nosniff',
      'Content-Length': bytes.length,
      ...headers,
    })
    res.end(req.method === 'HEAD' ? undefined : bytes)
  }

  function sendText(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    text: string,
    headers: OutgoingHttpHeaders = {},
  ): void {
    send(
      req,
      res,
      status,
      { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
      `${text}\n`,
    )
  }

  /** A response below the base path: the policy's headers, like every generated host file. */
  async function sendBelowBase(
    req: IncomingMessage,
    res: ServerResponse,
    relative: string,
    status: number,
    text: string,
  ): Promise<void> {
    sendText(req, res, status, text, responseHeaders(await currentPolicy(), relative, status))
  }

  async function sendFile(
    req: IncomingMessage,
    res: ServerResponse,
    relative: string,
    found: { file: string; size: number },
  ): Promise<void> {
    const contentType = contentTypeOf(found.file)
    const headers: OutgoingHttpHeaders = {
      'Content-Type': contentType,
      ...responseHeaders(await currentPolicy(), relative),
    }
    if (relative === 'index.html') {
      // Deep links resolve index.html's URLs against the base path, wherever the build was pinned.
      const html = pinBasePath(await readFile(found.file, 'utf8'), basePath)
      send(req, res, 200, headers, html)
      return
    }
    res.writeHead(200, { ...headers, 'Content-Length': found.size })
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    await pipeline(createReadStream(found.file), res)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      sendText(req, res, 405, 'Method Not Allowed')
      return
    }
    const [pathname = '/', query] = (req.url ?? '/').split(/\?(.*)/s, 2)
    if (!pathname.startsWith('/')) {
      sendText(req, res, 400, 'Bad Request')
      return
    }
    if (`${pathname}/` === basePath) {
      const location = query === undefined ? basePath : `${basePath}?${query}`
      send(req, res, 301, { Location: location, 'Cache-Control': 'no-store' }, '')
      return
    }
    if (!pathname.startsWith(basePath)) {
      sendText(req, res, 404, 'Not Found')
      return
    }

    let relative: string
    try {
      relative = decodeURIComponent(pathname.slice(basePath.length))
    } catch {
      await sendBelowBase(req, res, '', 400, 'Bad Request')
      return
    }
    const segments = relative.split('/')
    // Path traversal, raw or percent-encoded (`..`, `%2e%2e`, `..%2f`), backslashes and NULs.
    if (segments.includes('..') || segments.includes('.') || /[\\\0]/.test(relative)) {
      await sendBelowBase(req, res, '', 400, 'Bad Request')
      return
    }

    if (relative === 'config.json' && configOverride !== undefined) {
      send(
        req,
        res,
        200,
        {
          'Content-Type': 'application/json; charset=utf-8',
          ...responseHeaders(await currentPolicy(), relative),
        },
        JSON.stringify(configOverride),
      )
      return
    }

    const found = relative === '' ? undefined : await findFile(relative)
    if (found !== undefined) {
      await sendFile(req, res, relative, found)
      return
    }
    // SPA fallback: client-side routes (no file extension) get index.html.
    const last = segments[segments.length - 1] ?? ''
    if (path.posix.extname(last) === '') {
      const index = await findFile('index.html')
      if (index !== undefined) {
        await sendFile(req, res, 'index.html', index)
        return
      }
    }
    await sendBelowBase(req, res, relative, 404, 'Not Found')
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A client that goes away mid-download is not an error worth reporting.
      if (res.destroyed || (error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') {
        return
      }
      console.error(`[static] ${req.method ?? 'GET'} ${req.url ?? ''} failed:`, error)
      if (res.headersSent) res.destroy()
      else sendText(req, res, 500, 'Internal Server Error')
    })
  })
  const port = await listen(server, options.port, host)
  const hostInUrl = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${hostInUrl}:${String(port)}${basePath}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error)
          else resolve()
        })
        server.closeAllConnections()
      }),
  }
}
