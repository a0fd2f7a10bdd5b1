/**
 * An nginx `server` block: SPA fallback, caching and the policy's headers on every location
 * (nginx's `add_header` is not inherited into a location that has its own, so each carries all).
 */
import { ASSETS_DIR, type HostingPolicy } from '../policy'
import { bannerLines } from './banner'

export interface NginxOptions {
  /** `listen` parameters, e.g. `80` or `127.0.0.1:8080`. */
  readonly listen: string
  /** Absolute path of the folder holding the deployed dist/ contents (index.html, assets/). */
  readonly root: string
  readonly serverName?: string
}

/** nginx strings are double-quoted here; `$` would interpolate a variable. */
function quoted(value: string): string {
  if (/["\\$\n]/.test(value)) {
    throw new Error(`cannot write ${JSON.stringify(value)} into nginx configuration safely`)
  }
  return `"${value}"`
}

function plainToken(name: string, value: string): string {
  if (!/^[\w.:/[\]-]+$/.test(value)) {
    throw new Error(`${name} must be a plain nginx token, got ${JSON.stringify(value)}`)
  }
  return value
}

function headerLines(headers: Readonly<Record<string, string>>, always: boolean): string[] {
  return Object.entries(headers).map(
    ([name, value]) => `add_header ${name} ${quoted(value)}${always ? ' always' : ''};`,
  )
}

function block(head: string, body: readonly string[]): string[] {
  return [`${head} {`, ...body.map((line) => (line === '' ? '' : `    ${line}`)), '}']
}

export function nginxServerBlock(policy: HostingPolicy, options: NginxOptions): string {
  const base = policy.basePath
  const root = `${plainToken('root', options.root).replace(/\/+$/, '')}/`
  const security = (headers = policy.securityHeaders) => headerLines(headers, true)
  const fallback = `${base}${policy.fallbackDocument}`

  const locations: string[][] = []
  if (base !== '/') {
    locations.push(block(`location = ${base.slice(0, -1)}`, [`return 301 ${base};`]))
    // Nothing outside the base path is the app's.
    locations.push(block('location /', ['return 404;']))
  }
  locations.push(
    block(`location ${base}`, [
      `alias ${root};`,
      '# SPA fallback: a client-side route (no such file) gets index.html.',
      `try_files $uri ${fallback};`,
      ...security(),
      `add_header Cache-Control ${quoted(policy.defaultCacheControl)} always;`,
    ]),
  )
  locations.push(
    block(`location ^~ ${base}${ASSETS_DIR}/`, [
      `alias ${root}${ASSETS_DIR}/;`,
      '# Content-hashed names: a missing asset is a 404, never index.html.',
      'try_files $uri =404;',
      ...security(),
      '# Without "always": a 404 is not cached.',
      `add_header Cache-Control ${quoted(policy.assetsCacheControl)};`,
    ]),
  )
  for (const exception of policy.exceptions) {
    locations.push(
      block(`location = ${base}${exception.path}`, [
        `alias ${root}${exception.path};`,
        ...security(exception.headers),
        `add_header Cache-Control ${quoted(policy.defaultCacheControl)} always;`,
      ]),
    )
  }

  const server = block('server', [
    `listen ${plainToken('listen', options.listen)};`,
    `server_name ${plainToken('server_name', options.serverName ?? '_')};`,
    'server_tokens off;',
    '# Relative Location headers: right behind a TLS-terminating proxy too.',
    'absolute_redirect off;',
    'charset utf-8;',
    '',
    ...locations.flatMap((lines) => [...lines, '']).slice(0, -1),
  ])
  return [...bannerLines(policy).map((line) => `# ${line}`), ...server, ''].join('\n')
}
