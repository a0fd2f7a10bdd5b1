import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { ErrorBoundary } from 'react-error-boundary'
import { type RouteObject, useLocation, useParams, useRoutes } from 'react-router'

import { startReads } from '../api/queries'
import { useAuthClient } from '../auth/react'
import type { AppConfig } from '../config'
import { type Page, pagesFor } from '../pages'
import { useAppConfig } from './app-config'
import { Layout } from './layout'
import { PageComponent } from './page-components'
import { PageGuard } from './page-guard'
import { AuthCallbackPage } from './routes/auth-callback-page'
import { NotFoundPage } from './routes/not-found-page'
import { RouteErrorPage } from './routes/route-error-page'

/**
 * A page of the route table: its reads start as it mounts, and its component renders once its
 * chunk is here (at once after the bootstrap or the idle preload fetched it; page-components.ts).
 * The sign-in guard comes first when the page is for signed-in users.
 */
function PageRoute({ page }: { readonly page: Page }) {
  const auth = useAuthClient()
  const queryClient = useQueryClient()
  const params = useParams()
  useEffect(() => {
    // Never rejects; the page's own query shows a failure. Signed out, it starts nothing.
    void startReads(queryClient, auth, page.reads ?? [], params as Record<string, string>)
  }, [auth, queryClient, page, params])
  const content = <PageComponent key={page.path} page={page} />
  return page.signIn ? <PageGuard title={page.title}>{content}</PageGuard> : content
}

/** What a page's route carries: the route table's page (router.test.tsx reads it). */
export interface PageHandle {
  readonly page: Page
}

/** The app's routes: the route table's pages that config.json turns on, the callback, "not found". */
export function appRouteObjects(config: AppConfig): RouteObject[] {
  return [
    {
      element: <Layout />,
      children: [
        ...pagesFor(config).map((page) => ({
          ...(page.path === '/' ? { index: true } : { path: page.path }),
          handle: { page } satisfies PageHandle,
          element: <PageRoute page={page} />,
        })),
        { path: config.redirectPath, element: <AuthCallbackPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]
}

/** The routes, rendered; a render error in a page becomes a message, not a blank page. */
export function AppRoutes() {
  const config = useAppConfig()
  const { pathname } = useLocation()
  const routes = useMemo(() => appRouteObjects(config), [config])
  return (
    <ErrorBoundary FallbackComponent={RouteErrorPage} resetKeys={[pathname]}>
      {useRoutes(routes)}
    </ErrorBoundary>
  )
}
