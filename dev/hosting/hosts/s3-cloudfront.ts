/**
 * Amazon S3 + CloudFront: a response headers policy for the distribution's behavior (security
 * headers on every response), a CloudFront Function for the SPA fallback, and the upload
 * commands that set Cache-Control as S3 object metadata.
 */
import { ASSETS_DIR, type HostingPolicy } from '../policy'
import { bannerLines } from './banner'

/** `aws cloudfront create-response-headers-policy --response-headers-policy-config file://…`. */
export function responseHeadersPolicy(policy: HostingPolicy): string {
  // CloudFront has typed settings for these; every other header is a custom one.
  const typed = [
    'Content-Security-Policy',
    'X-Frame-Options',
    'Referrer-Policy',
    'X-Content-Type-Options',
  ]
  const take = (name: string): string => {
    const value = policy.securityHeaders[name]
    if (value === undefined) throw new Error(`the hosting policy has no ${name}`)
    return value
  }
  const csp = take('Content-Security-Policy')
  const frameOption = take('X-Frame-Options')
  const referrerPolicy = take('Referrer-Policy')
  const custom = Object.entries(policy.securityHeaders)
    .filter(([name]) => !typed.includes(name))
    .map(([Header, Value]) => ({ Header, Value, Override: true }))
  const config = {
    Name: `tessera${policy.basePath.replace(/[^A-Za-z0-9]+/g, '-')}`.replace(/-$/, ''),
    Comment: 'Tessera: SEC-30..33 headers (npm run hosting)',
    SecurityHeadersConfig: {
      ContentSecurityPolicy: { Override: true, ContentSecurityPolicy: csp },
      FrameOptions: { Override: true, FrameOption: frameOption },
      ReferrerPolicy: { Override: true, ReferrerPolicy: referrerPolicy },
      ContentTypeOptions: { Override: true },
    },
    CustomHeadersConfig: { Quantity: custom.length, Items: custom },
  }
  return `${JSON.stringify(config, null, 2)}\n`
}

/** A viewer-request CloudFront Function (runtime cloudfront-js-2.0). */
export function viewerRequestFunction(policy: HostingPolicy): string {
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

export function s3CloudFrontNotes(policy: HostingPolicy): string {
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
    '2. Response headers: `aws cloudfront create-response-headers-policy',
    '   --response-headers-policy-config file://response-headers-policy.json`, then attach the',
    '   policy to the behavior that serves the app.',
    '3. SPA fallback: create a CloudFront Function (runtime cloudfront-js-2.0) from',
    '   `viewer-request.js`, publish it and associate it with the same behavior as',
    '   "Viewer request". Do not use custom error responses (403/404 → index.html) instead:',
    '   they would answer a missing asset with index.html.',
    '4. Keep the bucket private (origin access control); CloudFront serves it over https.',
    '',
  ].join('\n')
}
