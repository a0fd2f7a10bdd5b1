// @vitest-environment node
import { runInNewContext } from 'node:vm'

import { describe, expect, it } from 'vitest'

import { withMetaCsp } from './hosts/github-pages'
import { hostingKit } from './kit'
import { hostingPolicy, responseHeaders } from './policy'
import type { DocumentException } from './policy'

const CONFIG = {
  authority: 'https://login.example.test/tenant/v2.0',
  clientId: 'spa',
  scopes: ['openid'],
  providerOrigins: ['https://token.example.test'],
  apis: {
    orders: { baseUrl: 'https://orders.example.test/v1', scopes: ['orders'] },
    notes: { baseUrl: 'https://notes.example.test', scopes: ['notes'] },
  },
}
const CONNECT_SRC =
  "connect-src 'self' https://login.example.test https://notes.example.test " +
  'https://orders.example.test https://token.example.test'
const INDEX =
  '<head><meta charset="UTF-8" /><script type="module" crossorigin src="/portal/assets/i-1.js"></script></head>'

function kitFor(basePath: string, exceptions: readonly DocumentException[] = []) {
  const policy = hostingPolicy({ config: CONFIG, basePath, exceptions, tls: true })
  const files = hostingKit({
    policy,
    indexHtml: INDEX,
    documents: {},
    nginx: { listen: '127.0.0.1:8080', root: '/srv/tessera' },
  })
  const file = (name: string): string => {
    const content = files.get(name)
    if (content === undefined) throw new Error(`no ${name} in the kit`)
    return content
  }
  return { policy, files, file }
}

const SECURITY_HEADERS = [
  'Content-Security-Policy',
  'Referrer-Policy',
  'X-Frame-Options',
  'Cross-Origin-Opener-Policy',
  'X-Content-Type-Options',
  'Permissions-Policy',
  'Strict-Transport-Security',
]

describe('hostingPolicy', () => {
  it('derives connect-src from the authority, providerOrigins and every API', () => {
    const { policy } = kitFor('/')
    expect(policy.securityHeaders['Content-Security-Policy']).toContain(CONNECT_SRC)
    expect(Object.keys(policy.securityHeaders)).toEqual(SECURITY_HEADERS)
  })

  it('SEC-45 sends HSTS where TLS is served, for a year, without preload', () => {
    const overTls = kitFor('/', [{ path: 'silent-callback.html', frameAncestors: "'self'" }]).policy
    const framed = responseHeaders(overTls, 'silent-callback.html')
    for (const headers of [overTls.securityHeaders, framed]) {
      expect(headers['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains')
    }
    const overHttp = hostingPolicy({ config: CONFIG, basePath: '/', tls: false })
    expect(overHttp.securityHeaders).not.toHaveProperty('Strict-Transport-Security')
    expect(responseHeaders(overHttp, 'silent-callback.html')).not.toHaveProperty(
      'Strict-Transport-Security',
    )
  })

  it('caches successful hashed assets forever and nothing else', () => {
    const { policy } = kitFor('/portal/')
    expect(responseHeaders(policy, 'assets/i-1.js')['Cache-Control']).toBe(
      'public, max-age=31536000, immutable',
    )
    expect(responseHeaders(policy, 'assets/i-1.js', 404)['Cache-Control']).toBe('no-store')
    for (const path of ['', 'index.html', 'config.json', 'tasks', 'favicon.svg']) {
      expect(responseHeaders(policy, path)['Cache-Control']).toBe('no-store')
    }
  })

  it('can let one document be framed by the app itself, and only that one', () => {
    const { policy } = kitFor('/', [{ path: '/silent-renew.html', frameAncestors: "'self'" }])
    const framed = responseHeaders(policy, 'silent-renew.html')
    expect(framed['Content-Security-Policy']).toContain("frame-ancestors 'self'")
    expect(framed['X-Frame-Options']).toBe('SAMEORIGIN')
    expect(responseHeaders(policy, 'index.html')['X-Frame-Options']).toBe('DENY')
  })

  it('refuses a base path that could inject into a host file', () => {
    for (const base of ['/a b/', '/a";/', '/$host/', '/../', '/a{/']) {
      expect(() => hostingPolicy({ config: CONFIG, basePath: base, tls: true })).toThrow(/basePath/)
    }
  })
})

describe('the nginx server block', () => {
  const { file, policy } = kitFor('/portal/')
  const conf = file('nginx/tessera.conf')

  it('listens where told and serves the sub-path from the deployed folder', () => {
    expect(conf).toContain('listen 127.0.0.1:8080;')
    expect(conf).toContain('location /portal/ {\n        alias /srv/tessera/;')
    expect(conf).toContain('location = /portal {\n        return 301 /portal/;')
    expect(conf).toContain('location / {\n        return 404;')
  })

  it('falls back to index.html for routes, never for assets', () => {
    expect(conf).toContain('try_files $uri /portal/index.html;')
    expect(conf).toMatch(/location \^~ \/portal\/assets\/ \{[^}]*try_files \$uri =404;/)
  })

  it('sends every security header from every location, with the cache rules', () => {
    for (const [name, value] of Object.entries(policy.securityHeaders)) {
      expect(conf.split(`add_header ${name} "${value}" always;`)).toHaveLength(3)
    }
    expect(conf).toContain('add_header Cache-Control "no-store" always;')
    expect(conf).toContain('add_header Cache-Control "public, max-age=31536000, immutable";')
  })

  it('refuses a root that is not a plain path', () => {
    const unsafe = hostingPolicy({ config: CONFIG, basePath: '/', tls: true })
    expect(() =>
      hostingKit({
        policy: unsafe,
        indexHtml: INDEX,
        documents: {},
        nginx: { listen: '80', root: '/srv/x; include /etc/passwd' },
      }),
    ).toThrow(/root must be a plain nginx token/)
  })

  it('serves a per-path exception from its own location', () => {
    const conf = kitFor('/', [{ path: 'silent-renew.html', frameAncestors: "'self'" }]).file(
      'nginx/tessera.conf',
    )
    expect(conf).toMatch(
      /location = \/silent-renew\.html \{[^}]*frame-ancestors 'self'[^}]*X-Frame-Options "SAMEORIGIN"/,
    )
  })
})

describe('Netlify and Cloudflare Pages', () => {
  const { file, policy } = kitFor('/portal/')

  it.each(['netlify/_headers', 'cloudflare-pages/_headers'])(
    '%s sets each header once per path: security on all, cache per kind',
    (name) => {
      const headers = file(name)
      const all = headers.split('\n\n').find((rule) => rule.startsWith('/portal/*\n'))
      for (const [header, value] of Object.entries(policy.securityHeaders)) {
        expect(all).toContain(`  ${header}: ${value}`)
      }
      expect(all).not.toContain('Cache-Control')
      expect(headers).toContain(
        '/portal/assets/*\n  Cache-Control: public, max-age=31536000, immutable',
      )
      for (const path of ['/portal/', '/portal/index.html', '/portal/config.json']) {
        expect(headers).toContain(`\n${path}\n  Cache-Control: no-store`)
      }
    },
  )

  it('Netlify rewrites client-side routes to index.html', () => {
    expect(file('netlify/_redirects')).toContain('\n/portal/* /portal/index.html 200\n')
  })

  it('Cloudflare detaches the site-wide header before a per-path exception', () => {
    const exception = [{ path: 'silent-renew.html', frameAncestors: "'self'" as const }]
    const cloudflare = kitFor('/', exception).file('cloudflare-pages/_headers')
    expect(cloudflare).toMatch(
      /\/silent-renew\.html\n {2}! Content-Security-Policy\n {2}! X-Frame-Options\n {2}Content-Security-Policy: [^\n]*frame-ancestors 'self'/,
    )
    expect(kitFor('/', exception).file('netlify/_headers')).not.toContain('! ')
  })
})

describe('Azure Static Web Apps', () => {
  it('has the fallback, global headers and the asset cache rule under the base', () => {
    const { file, policy } = kitFor('/portal/')
    const config = JSON.parse(file('azure-static-web-apps/staticwebapp.config.json')) as {
      navigationFallback: { rewrite: string; exclude: string[] }
      globalHeaders: Record<string, string>
      routes: { route: string; headers: Record<string, string> }[]
    }
    expect(config.navigationFallback).toEqual({
      rewrite: '/portal/index.html',
      exclude: ['/portal/assets/*', '/portal/config.json'],
    })
    expect(config.globalHeaders).toEqual({ ...policy.securityHeaders, 'Cache-Control': 'no-store' })
    expect(config.routes).toContainEqual({
      route: '/portal/assets/*',
      headers: { 'Cache-Control': 'public, max-age=31536000, immutable' },
    })
  })
})

describe('GitHub Pages', () => {
  it('falls back with a 404.html copy of the app, the CSP in a meta element', () => {
    const { file } = kitFor('/portal/')
    const page = file('github-pages/404.html')
    expect(page).toBe(file('github-pages/index.html'))
    expect(page).toMatch(
      /^<head><meta charset="UTF-8" \/>\n {4}<meta http-equiv="Content-Security-Policy" content="default-src 'none';/,
    )
    expect(page).toContain(CONNECT_SRC)
    // Browsers ignore frame-ancestors in a meta CSP and warn about it.
    expect(page).not.toContain('frame-ancestors')
    expect(page).toContain('src="/portal/assets/i-1.js"')
  })
})

describe('GitHub Pages, run again', () => {
  it('replaces the CSP of the earlier run instead of adding a second one', () => {
    const policy = hostingPolicy({ config: CONFIG, basePath: '/portal/', tls: true })
    const once = withMetaCsp(policy, INDEX, 'index.html')
    const moved = hostingPolicy({
      config: { ...CONFIG, apis: {} },
      basePath: '/portal/',
      tls: true,
    })
    const twice = withMetaCsp(moved, once, 'index.html')
    expect(twice.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1)
    expect(twice).not.toContain('orders.example.test')
    expect(twice).toBe(withMetaCsp(moved, INDEX, 'index.html'))
  })
})

describe('S3 + CloudFront', () => {
  const { file } = kitFor('/portal/')

  it('puts every security header in the response headers policy', () => {
    const policy = JSON.parse(file('s3-cloudfront/response-headers-policy.json')) as {
      SecurityHeadersConfig: {
        ContentSecurityPolicy: { ContentSecurityPolicy: string }
        FrameOptions: { FrameOption: string }
        ReferrerPolicy: { ReferrerPolicy: string }
        ContentTypeOptions: { Override: boolean }
        StrictTransportSecurity: Record<string, unknown>
      }
      CustomHeadersConfig: { Quantity: number; Items: { Header: string; Value: string }[] }
    }
    expect(policy.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy).toContain(
      CONNECT_SRC,
    )
    expect(policy.SecurityHeadersConfig.FrameOptions.FrameOption).toBe('DENY')
    expect(policy.SecurityHeadersConfig.ReferrerPolicy.ReferrerPolicy).toBe('no-referrer')
    expect(policy.SecurityHeadersConfig.ContentTypeOptions.Override).toBe(true)
    expect(policy.SecurityHeadersConfig.StrictTransportSecurity).toEqual({
      Override: true,
      AccessControlMaxAgeSec: 31536000,
      IncludeSubdomains: true,
      Preload: false,
    })
    expect(policy.CustomHeadersConfig.Items.map((item) => item.Header)).toEqual([
      'Cross-Origin-Opener-Policy',
      'Permissions-Policy',
    ])
    expect(policy.CustomHeadersConfig.Quantity).toBe(2)
  })

  it('rewrites routes, not files or assets, to index.html in the viewer-request function', () => {
    const source = file('s3-cloudfront/viewer-request.js')
    // Run as CloudFront would: the file alone, in a context of its own.
    const handler = runInNewContext(`${source}\nhandler`) as (event: {
      request: { uri: string }
    }) => { uri?: string; statusCode?: number }
    const uriFor = (uri: string) => handler({ request: { uri } })
    expect(uriFor('/portal/tasks').uri).toBe('/portal/index.html')
    expect(uriFor('/portal/auth/callback').uri).toBe('/portal/index.html')
    expect(uriFor('/portal/assets/i-1.js').uri).toBe('/portal/assets/i-1.js')
    expect(uriFor('/portal/config.json').uri).toBe('/portal/config.json')
    expect(uriFor('/other').uri).toBe('/other')
    expect(uriFor('/portal').statusCode).toBe(301)
  })

  it('gives the silent callback a behavior and a framing rule of its own', () => {
    const { file: fileWithCallback } = kitFor('/portal/', [
      { path: 'silent-callback.html', frameAncestors: "'self'" },
    ])
    expect(JSON.parse(fileWithCallback('s3-cloudfront/cache-behaviors.json'))).toMatchObject({
      CacheBehaviors: [
        {
          PathPattern: '/portal/silent-callback.html',
          ResponseHeadersPolicy: 'response-headers-policy-silent-callback-html.json',
        },
      ],
    })
    const own = JSON.parse(
      fileWithCallback('s3-cloudfront/response-headers-policy-silent-callback-html.json'),
    ) as { Name: string; SecurityHeadersConfig: { FrameOptions: { FrameOption: string } } }
    expect(own.Name).toBe('tessera-portal-silent-callback-html')
    expect(own.SecurityHeadersConfig.FrameOptions.FrameOption).toBe('SAMEORIGIN')
    expect(fileWithCallback('s3-cloudfront/README.md')).toContain(
      'Add a cache behavior for the path pattern `/portal/silent-callback.html`',
    )
  })

  it('uploads with the cache rules', () => {
    const notes = file('s3-cloudfront/README.md')
    expect(notes).toContain(
      'aws s3 sync dist/assets s3://BUCKET/portal/assets --cache-control "public, max-age=31536000, immutable"',
    )
    expect(notes).toContain('--exclude "assets/*" --cache-control "no-store"')
  })
})
