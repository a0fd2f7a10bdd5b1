import type { QueryClient } from '@tanstack/query-core'

import { apiEndpoint, DEMO_API, meQuery, NOTES_API, notesQuery, tasksQuery } from '../api/queries'
import type { AuthClient } from '../auth/core'
import { paths, routePath } from './paths'

export interface RouteDataContext {
  readonly auth: AuthClient
  readonly queryClient: QueryClient
}

/** The API request of the signed-in page at `path`, if it has one. */
function pageQuery({ auth, queryClient }: RouteDataContext, path: string, sub: string) {
  switch (path) {
    case paths.profile:
      return queryClient.query(meQuery(apiEndpoint(auth, DEMO_API), sub))
    case paths.notes:
      return queryClient.query(notesQuery(apiEndpoint(auth, NOTES_API), sub))
    case paths.tasks:
      return queryClient.query(tasksQuery(apiEndpoint(auth, DEMO_API), sub))
    default:
      return undefined
  }
}

/**
 * Starts the API request of the page at `appPath` for the signed-in user, before React renders
 * the page (its query then picks up the request in flight): from bootstrap, before React is
 * even loaded, and from the router's loaders on later navigations. Never rejects; the page's
 * own query reports a failure. Resolves when the request settles; undefined: the page has none.
 */
export function prefetchRouteData(
  context: RouteDataContext,
  appPath: string,
): Promise<void> | undefined {
  const sub = context.auth.getSnapshot().user?.sub
  if (sub === undefined) return undefined
  return pageQuery(context, routePath(appPath), sub)?.then(
    () => undefined,
    () => undefined,
  )
}
