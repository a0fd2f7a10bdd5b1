import type { AppConfig } from '../config'

/** App routes, relative to the router's basename. The callback path comes from config.json. */
export const paths = {
  home: '/',
  profile: '/profile',
  tasks: '/tasks',
  notes: '/notes',
  diagnostics: '/diagnostics',
} as const

/**
 * Whether the page at `appPath` (relative to the basename, query and hash allowed) is for
 * signed-in users only. The router guards these pages; bootstrap asks before React is even
 * loaded, so a signed-out deep link leaves for the provider at once.
 */
export function requiresSignIn(appPath: string, config: Pick<AppConfig, 'diagnostics'>): boolean {
  const path = routePath(appPath)
  return (
    path === paths.profile ||
    path === paths.tasks ||
    path === paths.notes ||
    (config.diagnostics && path === paths.diagnostics)
  )
}

/**
 * The route an app path (relative to the basename, query and hash allowed) is matched to, the
 * way the router matches it: without query and hash, trailing slashes and letter case.
 */
export function routePath(appPath: string): string {
  return (appPath.split(/[?#]/)[0] ?? '').replace(/(.)\/+$/, '$1').toLowerCase()
}
