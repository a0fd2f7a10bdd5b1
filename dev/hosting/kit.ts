/**
 * Every host file of the hosting kit, rendered from one hosting policy (./policy.ts), by path
 * below the kit's folder: `<host>/<file>`. Deploying to a host = dist/ plus that host's folder.
 */
import { headersFile, netlifyRedirects } from './hosts/headers-file'
import { staticWebAppConfig } from './hosts/azure-static-web-apps'
import { withMetaCsp } from './hosts/github-pages'
import { nginxServerBlock } from './hosts/nginx'
import type { NginxOptions } from './hosts/nginx'
import {
  responseHeadersPolicy,
  s3CloudFrontNotes,
  viewerRequestFunction,
} from './hosts/s3-cloudfront'
import type { HostingPolicy } from './policy'

export const HOSTS = [
  'nginx',
  'netlify',
  'cloudflare-pages',
  'azure-static-web-apps',
  'github-pages',
  's3-cloudfront',
] as const

export type HostName = (typeof HOSTS)[number]

export interface KitInput {
  readonly policy: HostingPolicy
  /** dist/index.html, already pinned to the policy's base path. */
  readonly indexHtml: string
  readonly nginx: NginxOptions
}

export function hostingKit({ policy, indexHtml, nginx }: KitInput): Map<string, string> {
  const githubIndex = withMetaCsp(policy, indexHtml)
  const files: Record<HostName, Record<string, string>> = {
    nginx: { 'tessera.conf': nginxServerBlock(policy, nginx) },
    netlify: {
      _headers: headersFile(policy, 'netlify'),
      _redirects: netlifyRedirects(policy),
    },
    'cloudflare-pages': { _headers: headersFile(policy, 'cloudflare-pages') },
    'azure-static-web-apps': { 'staticwebapp.config.json': staticWebAppConfig(policy) },
    'github-pages': { 'index.html': githubIndex, '404.html': githubIndex, '.nojekyll': '' },
    's3-cloudfront': {
      'response-headers-policy.json': responseHeadersPolicy(policy),
      'viewer-request.js': viewerRequestFunction(policy),
      'README.md': s3CloudFrontNotes(policy),
    },
  }
  return new Map(
    HOSTS.flatMap((host) =>
      Object.entries(files[host]).map(([file, content]) => [`${host}/${file}`, content] as const),
    ),
  )
}
