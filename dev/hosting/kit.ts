/**
 * Every host file of the hosting kit, rendered from one hosting policy (./policy.ts), by path
 * below the kit's folder: `<host>/<file>`. Deploying to a host = dist/ plus that host's folder.
 */
import { headersFile, netlifyRedirects } from './hosts/headers-file'
import { staticWebAppConfig } from './hosts/azure-static-web-apps'
import { withMetaCsp } from './hosts/github-pages'
import { nginxServerBlock } from './hosts/nginx'
import type { NginxOptions } from './hosts/nginx'
import { s3CloudFrontFiles } from './hosts/s3-cloudfront'
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
  /**
   * dist/'s other HTML documents by path below the base (`silent-callback.html`), for the hosts
   * that can only carry a policy inside each page.
   */
  readonly documents: Readonly<Record<string, string>>
  readonly nginx: NginxOptions
}

export function hostingKit({ policy, indexHtml, documents, nginx }: KitInput): Map<string, string> {
  const githubIndex = withMetaCsp(policy, indexHtml, 'index.html')
  const githubDocuments = Object.fromEntries(
    Object.entries(documents).map(([path, html]) => [path, withMetaCsp(policy, html, path)]),
  )
  const files: Record<HostName, Record<string, string>> = {
    nginx: { 'tessera.conf': nginxServerBlock(policy, nginx) },
    netlify: {
      _headers: headersFile(policy, 'netlify'),
      _redirects: netlifyRedirects(policy),
    },
    'cloudflare-pages': { _headers: headersFile(policy, 'cloudflare-pages') },
    'azure-static-web-apps': { 'staticwebapp.config.json': staticWebAppConfig(policy) },
    'github-pages': {
      ...githubDocuments,
      'index.html': githubIndex,
      '404.html': githubIndex,
      '.nojekyll': '',
    },
    's3-cloudfront': s3CloudFrontFiles(policy),
  }
  return new Map(
    HOSTS.flatMap((host) =>
      Object.entries(files[host]).map(([file, content]) => [`${host}/${file}`, content] as const),
    ),
  )
}
