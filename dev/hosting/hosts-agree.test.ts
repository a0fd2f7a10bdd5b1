// @vitest-environment node
/**
 * Every host of the kit sends, path by path, exactly the security headers the hosting policy
 * gives that path: the host's generated files are read the way the host reads them
 * (dev/testing/hosted-headers.ts), never checked line by line against the renderer's own output.
 */
import { describe, expect, it } from 'vitest'

import {
  azureHeaders,
  cloudflareHeaders,
  cloudFrontHeaders,
  githubPagesMetaCsp,
  type Headers,
  type HostRequest,
  netlifyHeaders,
  nginxHeaders,
} from '../testing/hosted-headers'
import { hostingKit } from './kit'
import { hostingPolicy, responseHeaders } from './policy'

const CONFIG = {
  authority: 'https://login.example.test/tenant/v2.0',
  clientId: 'spa',
  scopes: ['openid'],
  apis: { orders: { baseUrl: 'https://orders.example.test/v1', scopes: ['orders'] } },
}
const ASSET = 'assets/index-Ab12.js'
const DEPLOYED = new Set(['index.html', 'config.json', ASSET, 'silent-callback.html'])
const INDEX = `<head><meta charset="UTF-8" /><script type="module" crossorigin src="BASE${ASSET}"></script></head>`
const SILENT_CALLBACK =
  '<head><meta charset="UTF-8" /><script type="module" crossorigin src="./assets/silent-callback-Cd34.js"></script></head>'

/** The HTML documents below the base a host must get right: one of each kind. */
const DOCUMENTS = {
  'the base itself': '',
  'index.html': 'index.html',
  'a client route': 'tasks/42',
  'the silent renewal callback': 'silent-callback.html',
}
const PATHS = { ...DOCUMENTS, 'config.json': 'config.json', 'a hashed asset': ASSET }

type HostReader = (files: ReadonlyMap<string, string>, request: HostRequest) => Headers
const HOSTS: Record<string, HostReader> = {
  nginx: nginxHeaders,
  Netlify: netlifyHeaders,
  'Cloudflare Pages': cloudflareHeaders,
  'Azure Static Web Apps': azureHeaders,
  'S3 + CloudFront': cloudFrontHeaders,
}

function withoutCaching(headers: Headers): Headers {
  const { 'Cache-Control': _caching, ...security } = headers
  return security
}

function directives(policy: string | undefined): string[] {
  return (policy ?? '').split(';').map((directive) => directive.trim())
}

describe.each(['/', '/portal/'])('every host under base path %s', (basePath) => {
  const policy = hostingPolicy({ config: CONFIG, basePath, tls: true })
  const files = hostingKit({
    policy,
    indexHtml: INDEX.replace('BASE', basePath),
    documents: { 'silent-callback.html': SILENT_CALLBACK },
    nginx: { listen: '127.0.0.1:8080', root: '/srv/tessera' },
  })
  const fileExists = (path: string) =>
    path.startsWith(basePath) && DEPLOYED.has(path.slice(basePath.length))

  describe.each(Object.entries(HOSTS))('%s', (_host, headersFor) => {
    it.each(Object.entries(PATHS))('sends the policy’s headers for %s', (_kind, relative) => {
      const sent = headersFor(files, { path: `${basePath}${relative}`, fileExists })
      expect(withoutCaching(sent)).toEqual(withoutCaching(responseHeaders(policy, relative)))
    })
  })

  describe('GitHub Pages (no headers: a <meta> CSP in every HTML document)', () => {
    const metaFor = (relative: string) =>
      githubPagesMetaCsp(files, relative, (path) => DEPLOYED.has(path))

    it.each(Object.entries(DOCUMENTS))('carries the policy’s CSP for %s', (_kind, relative) => {
      // A <meta> CSP cannot carry frame-ancestors (CSP3 §4.2); everything else must be there.
      const expected = directives(responseHeaders(policy, relative)['Content-Security-Policy'])
      expect(directives(metaFor(relative))).toEqual(
        expected.filter((directive) => !directive.startsWith('frame-ancestors ')),
      )
    })

    it.each(['config.json', ASSET])('can protect nothing but documents: not %s', (relative) => {
      expect(metaFor(relative)).toBeUndefined()
    })
  })
})
