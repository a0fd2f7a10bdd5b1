// @vitest-environment node
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from './config'
import { securityHeaders } from './security-headers'
import { normalizeBasePath, startStaticSite } from './serve-dist'
import type { StaticSiteOptions } from './serve-dist'

const indexAt = (base: string) =>
  '<!doctype html><html><head><title>Fake app</title>' +
  `<link rel="icon" href="${base}favicon.svg">` +
  `<script type="module" crossorigin src="${base}assets/index-Ab12Cd34.js"></script>` +
  '</head><body></body></html>'
const INDEX = indexAt('/')
const SILENT_CALLBACK = '<!doctype html><title>Silent callback</title>'
const SCRIPT = 'console.log("app")'
const FILE_CONFIG = {
  authority: 'http://127.0.0.1:1111',
  clientId: 'from-file',
  apis: { demo: { baseUrl: 'http://127.0.0.1:2222/v1', scopes: ['api:read'] } },
}
const OVERRIDE_CONFIG = {
  authority: 'https://login.example.test/tenant/v2.0',
  clientId: 'from-override',
  apis: {
    demo: { baseUrl: 'http://127.0.0.1:9501', scopes: ['api:read'] },
    billing: { baseUrl: 'https://billing.example.test/api', scopes: ['billing'] },
    same: { baseUrl: 'https://login.example.test/other', scopes: ['x'] },
  },
}

let parent: string
let root: string
const servers: RunningServer[] = []

beforeAll(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'serve-dist-'))
  root = path.join(parent, 'dist')
  await mkdir(path.join(root, 'assets'), { recursive: true })
  await writeFile(path.join(root, 'index.html'), INDEX)
  await writeFile(path.join(root, 'silent-callback.html'), SILENT_CALLBACK)
  await writeFile(path.join(root, 'config.json'), JSON.stringify(FILE_CONFIG))
  await writeFile(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  await writeFile(path.join(root, 'assets', 'index-Ab12Cd34.js'), SCRIPT)
  await writeFile(path.join(root, 'assets', 'index-Ef56Gh78.css'), 'body{margin:0}')
  // Outside the served folder: must never be reachable.
  await writeFile(path.join(parent, 'package.json'), '{"secret":"TOP SECRET"}')
  await symlink(path.join(parent, 'package.json'), path.join(root, 'leak.json'))
})

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()))
  await rm(parent, { recursive: true, force: true })
})

async function start(options: Partial<StaticSiteOptions> = {}): Promise<RunningServer> {
  const server = await startStaticSite({ root, port: 0, host: '127.0.0.1', ...options })
  servers.push(server)
  return server
}

interface Reply {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** A raw request: unlike fetch, node:http sends the path exactly as written (no `..` removal). */
function send(server: RunningServer, rawPath: string, method = 'GET'): Promise<Reply> {
  const { hostname, port } = new URL(server.url)
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

function connectSrc(csp: string | string[] | undefined): string | undefined {
  return (Array.isArray(csp) ? csp.join(';') : csp)
    ?.split(';')
    .map((directive) => directive.trim())
    .find((directive) => directive.startsWith('connect-src '))
}

describe('startStaticSite', () => {
  let site: RunningServer
  beforeAll(async () => {
    site = await start()
  })

  it('serves index.html at the root, uncached, with security headers', async () => {
    const reply = await send(site, '/')
    expect(reply.status).toBe(200)
    expect(reply.body).toBe(INDEX)
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(reply.headers['cache-control']).toBe('no-store')
    expect(reply.headers['x-frame-options']).toBe('DENY')
    expect(reply.headers['referrer-policy']).toBe('no-referrer')
    expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin')
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
    expect(reply.headers['permissions-policy']).toBe('camera=(), microphone=(), geolocation=()')
    // Without an override, connect-src follows the config.json file on disk.
    expect(connectSrc(reply.headers['content-security-policy'])).toBe(
      "connect-src 'self' http://127.0.0.1:1111 http://127.0.0.1:2222",
    )
  })

  it('SEC-45 sends no HSTS over loopback http, where it means nothing', async () => {
    for (const path of ['/', '/silent-callback.html', '/config.json']) {
      expect((await send(site, path)).headers).not.toHaveProperty('strict-transport-security')
    }
  })

  it.each(['/profile', '/tasks', '/auth/callback?code=abc&state=xyz', '/some/deep/route/'])(
    'falls back to index.html for the client-side route %s',
    async (route) => {
      const reply = await send(site, route)
      expect(reply.status).toBe(200)
      expect(reply.body).toBe(INDEX)
      expect(reply.headers['cache-control']).toBe('no-store')
      expect(reply.headers['content-security-policy']).toContain("default-src 'none'")
    },
  )

  it.each(['/missing.js', '/assets/index-Missing1.js', '/robots.txt'])(
    'answers 404 for the missing file %s instead of index.html, never cached',
    async (file) => {
      const reply = await send(site, file)
      expect(reply.status).toBe(404)
      expect(reply.body).not.toContain('Fake app')
      expect(reply.headers['cache-control']).toBe('no-store')
      // Like every host of the kit: the security headers go with every response.
      expect(reply.headers['x-frame-options']).toBe('DENY')
    },
  )

  it('caches hashed assets for a year with the right content types', async () => {
    const script = await send(site, '/assets/index-Ab12Cd34.js')
    expect(script.status).toBe(200)
    expect(script.body).toBe(SCRIPT)
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(script.headers['x-content-type-options']).toBe('nosniff')

    const style = await send(site, '/assets/index-Ef56Gh78.css')
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8')
    expect(style.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('never caches unhashed files nor config.json', async () => {
    const icon = await send(site, '/favicon.svg')
    expect(icon.headers['content-type']).toBe('image/svg+xml')
    expect(icon.headers['cache-control']).toBe('no-store')

    const config = await send(site, '/config.json')
    expect(config.status).toBe(200)
    expect(config.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(config.headers['cache-control']).toBe('no-store')
    expect(JSON.parse(config.body)).toEqual(FILE_CONFIG)
  })

  it('answers HEAD with the headers and no body', async () => {
    const reply = await send(site, '/assets/index-Ab12Cd34.js', 'HEAD')
    expect(reply.status).toBe(200)
    expect(reply.headers['content-length']).toBe(String(SCRIPT.length))
    expect(reply.body).toBe('')

    const page = await send(site, '/profile', 'HEAD')
    expect(page.status).toBe(200)
    expect(page.headers['content-length']).toBe(String(INDEX.length))
    expect(page.body).toBe('')
  })

  it('refuses other methods', async () => {
    const reply = await send(site, '/', 'POST')
    expect(reply.status).toBe(405)
    expect(reply.headers.allow).toBe('GET, HEAD')
  })

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/package.json',
    '/%2e%2e%2fpackage.json',
    '/assets/..%2f..%2fpackage.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/..%5cpackage.json',
    '/%00',
    '/%zz',
  ])('refuses the path traversal %s', async (rawPath) => {
    const reply = await send(site, rawPath)
    expect(reply.status).toBe(400)
    expect(reply.body).not.toContain('TOP SECRET')
  })

  it('does not follow a symlink out of the root', async () => {
    const reply = await send(site, '/leak.json')
    expect(reply.status).toBe(404)
    expect(reply.body).not.toContain('TOP SECRET')
  })
})

describe('startStaticSite with a config override', () => {
  let site: RunningServer
  beforeAll(async () => {
    site = await start({ config: OVERRIDE_CONFIG })
  })

  it('answers config.json with the given object instead of the file', async () => {
    const reply = await send(site, '/config.json')
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(reply.headers['cache-control']).toBe('no-store')
    expect(JSON.parse(reply.body)).toEqual(OVERRIDE_CONFIG)
  })

  it('derives the CSP connect-src from the override', async () => {
    const reply = await send(site, '/tasks')
    expect(connectSrc(reply.headers['content-security-policy'])).toBe(
      "connect-src 'self' http://127.0.0.1:9501 https://billing.example.test https://login.example.test",
    )
  })
})

describe('startStaticSite under a sub-path', () => {
  let site: RunningServer
  beforeAll(async () => {
    site = await start({ basePath: '/portal/', config: OVERRIDE_CONFIG })
  })

  it('reports the sub-path in its URL', () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/portal\/$/)
  })

  it('serves the app, its routes, assets and config under the sub-path', async () => {
    // index.html's URLs follow the base path, so deep links load the same assets.
    expect((await send(site, '/portal/')).body).toBe(indexAt('/portal/'))
    expect((await send(site, '/portal/auth/callback')).body).toBe(indexAt('/portal/'))
    expect((await send(site, '/portal/assets/index-Ab12Cd34.js')).body).toBe(SCRIPT)
    expect(JSON.parse((await send(site, '/portal/config.json')).body)).toEqual(OVERRIDE_CONFIG)
  })

  it('redirects the sub-path without its trailing slash', async () => {
    const reply = await send(site, '/portal?x=1')
    expect(reply.status).toBe(301)
    expect(reply.headers.location).toBe('/portal/?x=1')
  })

  it.each(['/', '/index.html', '/profile', '/config.json', '/portalx/', '/other/portal/'])(
    'answers 404 outside the sub-path: %s',
    async (outside) => {
      const reply = await send(site, outside)
      expect(reply.status).toBe(404)
      expect(reply.body).not.toContain('Fake app')
    },
  )

  it('lets only the silent callback page be framed, by the app itself', async () => {
    const framed = await send(site, '/portal/silent-callback.html?code=c&state=s')
    expect(framed.body).toBe(SILENT_CALLBACK)
    expect(framed.headers['content-security-policy']).toContain("frame-ancestors 'self'")
    expect(framed.headers['x-frame-options']).toBe('SAMEORIGIN')
    for (const other of ['/portal/', '/portal/index.html', '/portal/silent-callback']) {
      const reply = await send(site, other)
      expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'")
      expect(reply.headers['x-frame-options']).toBe('DENY')
    }
  })

  it('refuses traversal out of the sub-path', async () => {
    const reply = await send(site, '/portal/%2e%2e/package.json')
    expect(reply.status).toBe(400)
  })
})

describe('normalizeBasePath', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['portal', '/portal/'],
    ['/portal', '/portal/'],
    ['/a/b/', '/a/b/'],
  ])('turns %j into %j', (input, expected) => {
    expect(normalizeBasePath(input)).toBe(expected)
  })

  it.each(['/../', '/a/./b', '/a?b', '/%2e%2e/', '/a\\b'])('refuses %j', (input) => {
    expect(() => normalizeBasePath(input)).toThrow(/basePath/)
  })
})

describe('securityHeaders', () => {
  it('allows exactly the authority and API origins in connect-src, deduplicated', () => {
    const csp = securityHeaders(OVERRIDE_CONFIG)['Content-Security-Policy']
    expect(connectSrc(csp)).toBe(
      "connect-src 'self' http://127.0.0.1:9501 https://billing.example.test https://login.example.test",
    )
  })

  it('locks everything else down and never upgrades loopback http', () => {
    expect(securityHeaders(undefined)).toEqual({
      'Content-Security-Policy':
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; frame-src 'none'; worker-src 'self'; " +
        "manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'",
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'X-Content-Type-Options': 'nosniff',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    })
  })

  it('lets the app frame only itself and the provider, for silent renewal', () => {
    const frameSrc = (config: Record<string, unknown>) =>
      securityHeaders(config)
        ['Content-Security-Policy']?.split('; ')
        .find((directive) => directive.startsWith('frame-src '))
    expect(frameSrc(OVERRIDE_CONFIG)).toBe("frame-src 'self' https://login.example.test")
    expect(frameSrc({ ...OVERRIDE_CONFIG, renewal: 'refresh-token' })).toBe("frame-src 'none'")
  })

  it('skips values that are not URLs', () => {
    const csp = securityHeaders({
      authority: 'not a url',
      apis: { a: { baseUrl: 42 }, b: null, c: { baseUrl: 'data:text/plain,x' } },
    })['Content-Security-Policy']
    expect(connectSrc(csp)).toBe("connect-src 'self'")
  })
})
