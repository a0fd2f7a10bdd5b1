/**
 * `staticwebapp.config.json` for Azure Static Web Apps: `globalHeaders` on every response, route
 * headers (which override global ones of the same name) for hashed assets, and the navigation
 * fallback for client-side routes.
 */
import { ASSETS_DIR, type HostingPolicy } from '../policy'

export function staticWebAppConfig(policy: HostingPolicy): string {
  const base = policy.basePath
  const config = {
    navigationFallback: {
      rewrite: `${base}${policy.fallbackDocument}`,
      exclude: [`${base}${ASSETS_DIR}/*`, `${base}config.json`],
    },
    globalHeaders: {
      ...policy.securityHeaders,
      'Cache-Control': policy.defaultCacheControl,
    },
    routes: [
      {
        route: `${base}${ASSETS_DIR}/*`,
        headers: { 'Cache-Control': policy.assetsCacheControl },
      },
      ...policy.exceptions.map((exception) => ({
        route: `${base}${exception.path}`,
        headers: { ...exception.headers, 'Cache-Control': policy.defaultCacheControl },
      })),
    ],
    mimeTypes: { '.json': 'application/json' },
  }
  return `${JSON.stringify(config, null, 2)}\n`
}
