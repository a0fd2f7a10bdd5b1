/**
 * Amazon S3 + CloudFront: a response headers policy for the distribution's default behavior
 * (security headers on every response), one more behavior and policy per document with headers
 * of its own, a CloudFront Function for the SPA fallback, and the upload commands that set
 * Cache-Control as S3 object metadata.
 */
import { ASSETS_DIR, type HostingPolicy } from '../policy'
import { bannerLines } from './banner'

/** A name CloudFront accepts for a policy: letters, digits and dashes. */
function policyName(policy: HostingPolicy, suffix = ''): string {
  return `tessera${policy.basePath}${suffix}`.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')
}

/** CloudFront's typed form of a `Strict-Transport-Security` value. */
function strictTransportSecurity(value: string) {
  const directives = value.split(';').map((directive) => directive.trim().toLowerCase())
  const maxAge = directives.find((directive) => directive.startsWith('max-age='))
  if (maxAge === undefined) throw new Error(`Strict-Transport-Security without max-age: ${value}`)
  return {
    Override: true,
    AccessControlMaxAgeSec: Number(maxAge.slice('max-age='.length)),
    IncludeSubdomains: directives.includes('includesubdomains'),
    Preload: directives.includes('preload'),
  }
}

/**
 * `aws cloudfront create-response-headers-policy --response-headers-policy-config file://…`:
 * `headers` as CloudFront's typed security settings, plus custom headers for the rest.
 */
function responseHeadersPolicy(headers: Readonly<Record<string, string>>, name: string): string {
  // CloudFront has typed settings for these; every other header is a custom one.
  const typed = [
    'Content-Security-Policy',
    'X-Frame-Options',
    'Referrer-Policy',
    'X-Content-Type-Options',
    'Strict-Transport-Security',
  ]
  const hsts = headers['Strict-Transport-Security']
  const take = (header: string): string => {
    const value = headers[header]
    if (value === undefined) throw new Error(`the hosting policy has no ${header}`)
    return value
  }
  const custom = Object.entries(headers)
    .filter(([header]) => !typed.includes(header))
    .map(([Header, Value]) => ({ Header, Value, Override: true }))
  const config = {
    Name: name,
    Comment: 'Tessera: SEC-30..33 and SEC-45 headers (npm run hosting)',
    SecurityHeadersConfig: {
      ContentSecurityPolicy: {
        Override: true,
        ContentSecurityPolicy: take('Content-Security-Policy'),
      },
      FrameOptions: { Override: true, FrameOption: take('X-Frame-Options') },
      ReferrerPolicy: { Override: true, ReferrerPolicy: take('Referrer-Policy') },
      ContentTypeOptions: { Override: true },
      ...(hsts === undefined ? {} : { StrictTransportSecurity: strictTransportSecurity(hsts) }),
    },
    CustomHeadersConfig: { Quantity: custom.length, Items: custom },
  }
  return `${JSON.stringify(config, null, 2)}\n`
}

/** The response headers policy file of a document with headers of its own. */
function exceptionPolicyFile(path: string): string {
  return `response-headers-policy-${path.replace(/[^A-Za-z0-9]+/g, '-')}.json`
}

/**
 * The cache behaviors besides the default one, in precedence order: one per document with
 * headers of its own (the silent callback may be framed by the app), each with its own
 * response headers policy. CloudFront serves a path with the first behavior that matches.
 */
function cacheBehaviors(policy: HostingPolicy): string {
  const listing = {
    Comment: 'Tessera: cache behaviors above the default one (npm run hosting); see README.md',
    DefaultCacheBehavior: {
      ResponseHeadersPolicy: 'response-headers-policy.json',
      ViewerRequestFunction: 'viewer-request.js',
    },
    CacheBehaviors: policy.exceptions.map((exception) => ({
      PathPattern: `${policy.basePath}${exception.path}`,
      ResponseHeadersPolicy: exceptionPolicyFile(exception.path),
    })),
  }
  return `${JSON.stringify(listing, null, 2)}\n`
}

/** A viewer-request CloudFront Function (runtime cloudfront-js-2.0). */
function viewerRequestFunction(policy: HostingPolicy): string {
  const base = policy.basePath
  return [
    ...bannerLines(policy).map((line) => `// ${line}`),
    '// SPA fallback: a client-side route (a path below the base without a file extension,',
    '// outside assets/) is answered with index.html.',
    'function handler(event) {',
    '  var request = event.request',
    '  var uri = request.uri',
    ...(base === '/'
      ? []
      : [
          `  if (uri === ${JSON.stringify(base.slice(0, -1))}) {`,
          `    return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: ${JSON.stringify(base)} } } }`,
          '  }',
        ]),
    `  if (uri.indexOf(${JSON.stringify(base)}) !== 0 || uri.indexOf(${JSON.stringify(`${base}${ASSETS_DIR}/`)}) === 0) return request`,
    "  var last = uri.slice(uri.lastIndexOf('/') + 1)",
    `  if (last.indexOf('.') === -1) request.uri = ${JSON.stringify(`${base}${policy.fallbackDocument}`)}`,
    '  return request',
    '}',
    '',
  ].join('\n')
}

function s3CloudFrontNotes(policy: HostingPolicy): string {
  const base = policy.basePath
  const prefix = base === '/' ? '' : base.slice(1, -1)
  const target = `s3://BUCKET${prefix === '' ? '' : `/${prefix}`}`
  return [
    `# S3 + CloudFront for base path ${base}`,
    '',
    ...bannerLines(policy),
    '',
    '1. Upload, with Cache-Control as object metadata (hashed assets first, then the rest):',
    '',
    '   ```sh',
    `   aws s3 sync dist/${ASSETS_DIR} ${target}/${ASSETS_DIR} --cache-control "${policy.assetsCacheControl}"`,
    `   aws s3 sync dist ${target} --exclude "${ASSETS_DIR}/*" --cache-control "${policy.defaultCacheControl}" --delete`,
    '   ```',
    '',
    '2. Response headers: create one response headers policy per `response-headers-policy*.json`',
    '   (`aws cloudfront create-response-headers-policy --response-headers-policy-config',
    '   file://response-headers-policy.json`, and the same for each other file). Attach',
    '   `response-headers-policy.json` to the behavior that serves the app (the default one).',
    ...policy.exceptions.flatMap((exception) => [
      `   Add a cache behavior for the path pattern \`${base}${exception.path}\` above the default`,
      `   one (same origin), with \`${exceptionPolicyFile(exception.path)}\`: only the app itself`,
      '   may frame that page.',
    ]),
    '   `cache-behaviors.json` lists every behavior and its policy.',
    '3. SPA fallback: create a CloudFront Function (runtime cloudfront-js-2.0) from',
    '   `viewer-request.js`, publish it and associate it with the default behavior as',
    '   "Viewer request". Do not use custom error responses (403/404 → index.html) instead:',
    '   they would answer a missing asset with index.html.',
    '4. Keep the bucket private (origin access control); CloudFront serves it over https.',
    '',
  ].join('\n')
}

/** Every file of the S3 + CloudFront kit, by name. */
export function s3CloudFrontFiles(policy: HostingPolicy): Record<string, string> {
  return {
    'response-headers-policy.json': responseHeadersPolicy(
      policy.securityHeaders,
      policyName(policy),
    ),
    ...Object.fromEntries(
      policy.exceptions.map((exception) => [
        exceptionPolicyFile(exception.path),
        responseHeadersPolicy(exception.headers, policyName(policy, exception.path)),
      ]),
    ),
    'cache-behaviors.json': cacheBehaviors(policy),
    'viewer-request.js': viewerRequestFunction(policy),
    'README.md': s3CloudFrontNotes(policy),
  }
}
