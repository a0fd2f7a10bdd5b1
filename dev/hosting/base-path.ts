/** `portal` → `/portal/`; refuses anything that is not a plain URL path. */
export function normalizeBasePath(basePath: string): string {
  const withSlashes = `/${basePath}/`.replace(/\/{2,}/g, '/')
  const segments = withSlashes.split('/')
  if (/[?#%\\\s"';{}$]/.test(withSlashes) || segments.includes('..') || segments.includes('.')) {
    throw new Error(`basePath must be a plain URL path like "/" or "/portal/", got "${basePath}"`)
  }
  return withSlashes
}
