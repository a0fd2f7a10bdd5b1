import type { PathParams } from '../api/queries'
import type { Page } from '../pages'

export interface PageMatch {
  readonly page: Page
  readonly params: PathParams
}

/** The segments of an app path as the router matches it: no query or hash, no empty parts. */
function segments(path: string): string[] {
  return (path.split(/[?#]/)[0] ?? '').split('/').filter(Boolean)
}

/** `params` when `pattern`'s segments match `actual`'s (letter case ignored), else undefined. */
function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined
  const params: Record<string, string> = {}
  for (const [index, part] of pattern.entries()) {
    const value = actual[index] ?? ''
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(value)
      } catch {
        return undefined
      }
    } else if (part.toLowerCase() !== value.toLowerCase()) {
      return undefined
    }
  }
  return params
}

/**
 * The page at `appPath` (below the base; query and hash allowed), matched the way React Router
 * matches the same table: letter case and trailing slashes ignored, `:name` segments as
 * parameters, a page without parameters before one with them. React Router's own matcher ships
 * in its React package, which the bootstrap must not load.
 */
export function matchPage(pages: readonly Page[], appPath: string): PageMatch | undefined {
  const actual = segments(appPath)
  const ranked = [...pages].sort(
    (a, b) => Number(a.path.includes(':')) - Number(b.path.includes(':')),
  )
  for (const page of ranked) {
    const params = matchSegments(segments(page.path), actual)
    if (params) return { page, params }
  }
  return undefined
}
