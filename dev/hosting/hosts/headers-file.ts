/**
 * `_headers` and `_redirects` for Netlify and Cloudflare Pages (the same syntax). Both merge every
 * rule that matches a request, and join a header set by two rules with a comma; so no header
 * name is set by two rules that can match the same path (except a per-path exception, below).
 */
import { ASSETS_DIR, type HostingPolicy } from '../policy'
import { bannerLines } from './banner'

export type HeadersFlavour = 'netlify' | 'cloudflare-pages'

function rule(path: string, lines: readonly string[]): string {
  return [path, ...lines.map((line) => `  ${line}`)].join('\n')
}

function headerLines(headers: Readonly<Record<string, string>>): string[] {
  return Object.entries(headers).map(([name, value]) => `${name}: ${value}`)
}

export function headersFile(policy: HostingPolicy, flavour: HeadersFlavour): string {
  const base = policy.basePath
  const rules = [
    // Every response below the base path, like every other host of the kit.
    rule(`${base}*`, headerLines(policy.securityHeaders)),
    rule(`${base}${ASSETS_DIR}/*`, [`Cache-Control: ${policy.assetsCacheControl}`]),
    // Exact paths only: a client-side route keeps the host's default, which revalidates on
    // every load (`public, max-age=0, must-revalidate`): see docs/hosting.md.
    ...['', ...policy.uncachedFiles].map((file) =>
      rule(`${base}${file}`, [`Cache-Control: ${policy.defaultCacheControl}`]),
    ),
    ...policy.exceptions.map((exception) => {
      const names = Object.keys(exception.headers).filter(
        (name) => exception.headers[name] !== policy.securityHeaders[name],
      )
      const changed = Object.fromEntries(names.map((name) => [name, exception.headers[name] ?? '']))
      // After the site-wide rule: Cloudflare detaches its value first ("! Name"); Netlify
      // serves the later rule's value.
      const detach = flavour === 'cloudflare-pages' ? names.map((name) => `! ${name}`) : []
      return rule(`${base}${exception.path}`, [...detach, ...headerLines(changed)])
    }),
  ]
  return [...bannerLines(policy).map((line) => `# ${line}`), '', rules.join('\n\n'), ''].join('\n')
}

/**
 * Netlify's SPA fallback: a rewrite (200) that applies only when no file matches. Cloudflare Pages
 * needs none: without a top-level 404.html it serves index.html for unknown paths by itself, and
 * refuses this very rule as an infinite loop.
 */
export function netlifyRedirects(policy: HostingPolicy): string {
  const base = policy.basePath
  return [
    ...bannerLines(policy).map((line) => `# ${line}`),
    '',
    `${base}* ${base}${policy.fallbackDocument} 200`,
    '',
  ].join('\n')
}
