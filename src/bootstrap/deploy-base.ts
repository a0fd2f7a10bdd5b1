/**
 * Where this copy of the app is deployed, found at run time so that one build serves any base
 * path (`/`, `/portal/`, …) without a rebuild (docs/decisions/0006-one-build-any-base-path.md).
 * Every built chunk lives in `<base>assets/` (Vite's `build.assetsDir`), so the base is the
 * folder above the running module. The dev server serves modules from `/src/…`; there the
 * configured base applies.
 */
export function deployBaseUrl(moduleUrl: string, devBase?: string): string {
  if (devBase !== undefined) return new URL(devBase, new URL(moduleUrl).origin).href
  return new URL('../', moduleUrl).href
}

/** The router's `basename` for a deploy base URL: its path without the trailing slash. */
export function routerBasename(baseUrl: string): string {
  return new URL(baseUrl).pathname.replace(/\/$/, '') || '/'
}

/** The address-bar path of the router path `appPath` (the inverse of `currentAppPath`). */
export function browserPath(basename: string, appPath: string): string {
  return basename === '/' ? appPath : `${basename}${appPath}`
}

/** The current location as a router path: without the deploy base path, with query and hash. */
export function currentAppPath(basename: string, location: Location = window.location): string {
  const { pathname, search, hash } = location
  const path =
    basename !== '/' && pathname.startsWith(basename) ? pathname.slice(basename.length) : pathname
  return `${path || '/'}${search}${hash}`
}
