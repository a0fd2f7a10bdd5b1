/**
 * What each host of the hosting kit would send for one request, worked out from the host's
 * generated files alone (dev/hosting/hosts/), by each host's documented matching rules. Tests
 * compare the result with the hosting policy, so a host file that drops or bends a header is
 * caught without deploying it. Only the rules the kit's files use are modelled.
 */

/** Response headers by name, as a host would send them. */
export type Headers = Record<string, string>

/** `*` matches anything (slashes included); everything else literally. */
function wildcardPattern(pattern: string): RegExp {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${source}$`)
}

function required(files: ReadonlyMap<string, string>, name: string): string {
  const content = files.get(name)
  if (content === undefined) throw new Error(`the kit has no ${name}`)
  return content
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${what} is not an object`)
  }
  return value as Record<string, unknown>
}

function stringsOf(value: unknown, what: string): Headers {
  const entries = Object.entries(record(value ?? {}, what))
  return Object.fromEntries(entries.map(([name, item]) => [name, String(item)]))
}

/** The request as a host sees it: its path, and whether a file of that path was deployed. */
export interface HostRequest {
  /** Absolute URL path, e.g. `/portal/tasks`. */
  readonly path: string
  readonly fileExists: (path: string) => boolean
}

interface NginxLocation {
  readonly modifier: '=' | '^~' | ''
  readonly prefix: string
  readonly body: string
}

/**
 * nginx: an exact `location =` wins, else the longest matching prefix; `add_header` lines of
 * the chosen location only (a location with its own is not merged with outer ones); a
 * `try_files $uri <fallback>` for a missing file re-matches the fallback's path.
 */
export function nginxHeaders(files: ReadonlyMap<string, string>, request: HostRequest): Headers {
  const conf = required(files, 'nginx/tessera.conf')
  const locations: NginxLocation[] = [
    ...conf.matchAll(/^\s*location\s+(?:(=|\^~)\s+)?(\S+)\s*\{([^}]*)\}/gm),
  ].map(([, modifier = '', prefix = '', body = '']) => ({
    modifier: modifier === '=' || modifier === '^~' ? modifier : '',
    prefix,
    body,
  }))
  const match = (path: string): NginxLocation => {
    const exact = locations.find(
      (location) => location.modifier === '=' && location.prefix === path,
    )
    if (exact) return exact
    const prefixes = locations
      .filter((location) => location.modifier !== '=' && path.startsWith(location.prefix))
      .sort((a, b) => b.prefix.length - a.prefix.length)
    const [longest] = prefixes
    if (!longest) throw new Error(`nginx: no location matches ${path}`)
    return longest
  }
  let location = match(request.path)
  const fallback = /try_files \$uri (\/\S*);/.exec(location.body)?.[1]
  if (fallback !== undefined && !request.fileExists(request.path)) location = match(fallback)
  if (/^\s*return /m.test(location.body)) return {}
  return Object.fromEntries(
    [...location.body.matchAll(/^\s*add_header (\S+) "([^"]*)"(?: always)?;/gm)].map(
      ([, name = '', value = '']) => [name, value],
    ),
  )
}

interface HeadersRule {
  readonly pattern: RegExp
  readonly lines: readonly string[]
}

function headersRules(file: string): HeadersRule[] {
  return file
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0)
    .map(([path = '', ...lines]) => ({
      pattern: wildcardPattern(path.trim()),
      lines: lines.map((line) => line.trim()),
    }))
}

/**
 * `_headers` on Netlify: every matching rule applies in file order, and a later rule's value of
 * a header replaces an earlier one's (no `!` syntax).
 */
export function netlifyHeaders(files: ReadonlyMap<string, string>, request: HostRequest): Headers {
  const headers: Headers = {}
  for (const rule of headersRules(required(files, 'netlify/_headers'))) {
    if (!rule.pattern.test(request.path)) continue
    for (const line of rule.lines) {
      const [name = '', value = ''] = line.split(/:\s*(.*)/s, 2)
      if (line.startsWith('!')) throw new Error(`Netlify has no "! Name" syntax: ${line}`)
      headers[name] = value
    }
  }
  return headers
}

/**
 * `_headers` on Cloudflare Pages: every matching rule applies in file order; a header set twice
 * is joined with a comma, and `! Name` detaches what earlier rules set.
 */
export function cloudflareHeaders(
  files: ReadonlyMap<string, string>,
  request: HostRequest,
): Headers {
  const headers = new Map<string, string>()
  for (const rule of headersRules(required(files, 'cloudflare-pages/_headers'))) {
    if (!rule.pattern.test(request.path)) continue
    for (const line of rule.lines) {
      if (line.startsWith('!')) {
        headers.delete(line.slice(1).trim())
        continue
      }
      const [name = '', value = ''] = line.split(/:\s*(.*)/s, 2)
      const earlier = headers.get(name)
      headers.set(name, earlier === undefined ? value : `${earlier}, ${value}`)
    }
  }
  return Object.fromEntries(headers)
}

/**
 * Azure Static Web Apps: `globalHeaders` on every response; the first route whose pattern
 * matches the request adds its headers, replacing global ones of the same name.
 */
export function azureHeaders(files: ReadonlyMap<string, string>, request: HostRequest): Headers {
  const config = record(
    JSON.parse(required(files, 'azure-static-web-apps/staticwebapp.config.json')),
    'staticwebapp.config.json',
  )
  const routes = Array.isArray(config.routes) ? config.routes : []
  const route = routes
    .map((candidate) => record(candidate, 'a route'))
    .find((candidate) => wildcardPattern(String(candidate.route)).test(request.path))
  return {
    ...stringsOf(config.globalHeaders, 'globalHeaders'),
    ...stringsOf(route?.headers, 'route headers'),
  }
}

/** A CloudFront response headers policy config, turned into the headers it adds. */
function cloudFrontPolicyHeaders(policyJson: string): Headers {
  const policy = record(JSON.parse(policyJson), 'a response headers policy')
  const security = record(policy.SecurityHeadersConfig ?? {}, 'SecurityHeadersConfig')
  const headers: Headers = {}
  const setting = (name: string) =>
    security[name] === undefined ? undefined : record(security[name], name)
  const csp = setting('ContentSecurityPolicy')
  if (csp) headers['Content-Security-Policy'] = String(csp.ContentSecurityPolicy)
  const frame = setting('FrameOptions')
  if (frame) headers['X-Frame-Options'] = String(frame.FrameOption)
  const referrer = setting('ReferrerPolicy')
  if (referrer) headers['Referrer-Policy'] = String(referrer.ReferrerPolicy)
  if (setting('ContentTypeOptions')) headers['X-Content-Type-Options'] = 'nosniff'
  const hsts = setting('StrictTransportSecurity')
  if (hsts) {
    headers['Strict-Transport-Security'] = [
      `max-age=${String(hsts.AccessControlMaxAgeSec)}`,
      ...(hsts.IncludeSubdomains === true ? ['includeSubDomains'] : []),
      ...(hsts.Preload === true ? ['preload'] : []),
    ].join('; ')
  }
  const custom = record(policy.CustomHeadersConfig ?? {}, 'CustomHeadersConfig')
  for (const item of Array.isArray(custom.Items) ? custom.Items : []) {
    const { Header, Value } = record(item, 'a custom header')
    headers[String(Header)] = String(Value)
  }
  return headers
}

/**
 * S3 + CloudFront: the first cache behavior whose path pattern matches serves the request with
 * its response headers policy; without one, the default behavior's (`response-headers-policy.json`).
 * Behaviors other than the default are listed in `cache-behaviors.json`, when the kit has one.
 */
export function cloudFrontHeaders(
  files: ReadonlyMap<string, string>,
  request: HostRequest,
): Headers {
  const listing = files.get('s3-cloudfront/cache-behaviors.json')
  const { CacheBehaviors: items = [] } =
    listing === undefined ? {} : record(JSON.parse(listing), 'cache-behaviors.json')
  if (!Array.isArray(items)) throw new Error('CacheBehaviors is not a list')
  const behavior = items
    .map((item) => record(item, 'a cache behavior'))
    .find((item) => wildcardPattern(String(item.PathPattern)).test(request.path))
  const policyFile = behavior
    ? String(behavior.ResponseHeadersPolicy)
    : 'response-headers-policy.json'
  return cloudFrontPolicyHeaders(required(files, `s3-cloudfront/${policyFile}`))
}

/**
 * GitHub Pages sends no headers of ours: the only policy a page can carry is a `<meta>` CSP.
 * The document it serves for `relative` (below the base): the file, or `404.html` for a path
 * without one; undefined for a file that is not HTML (nothing can carry a policy there).
 */
export function githubPagesMetaCsp(
  files: ReadonlyMap<string, string>,
  relative: string,
  fileExists: (relative: string) => boolean,
): string | undefined {
  const document = relative === '' ? 'index.html' : fileExists(relative) ? relative : '404.html'
  if (!document.endsWith('.html')) return undefined
  const html = required(files, `github-pages/${document}`)
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)
  return meta?.[1] ?? ''
}
