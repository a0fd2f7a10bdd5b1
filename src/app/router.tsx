import { lazy, type ReactNode, Suspense } from 'react'
import { createBrowserRouter, type RouteObject } from 'react-router'

import { StatusMessage } from '../components/status-message'
import { Layout } from './layout'
import { paths } from './paths'
import { prefetchRouteData, type RouteDataContext } from './route-data'
import { RequireAuth } from './require-auth'
import { AuthCallbackPage } from './routes/auth-callback-page'
import { HomePage } from './routes/home-page'
import { NotesPage } from './routes/notes-page'
import { NotFoundPage } from './routes/not-found-page'
import { ProfilePage } from './routes/profile-page'
import { RouteErrorPage } from './routes/route-error-page'
import { TasksPage } from './routes/tasks-page'

export type RouteContext = RouteDataContext

/** Only where config.json turns diagnostics on, so its code is not part of the first load. */
const DiagnosticsPage = lazy(async () => ({
  default: (await import('./routes/diagnostics-page')).DiagnosticsPage,
}))

/** Marks a route whose page needs a signed-in user (paths.ts's `requiresSignIn` lists them). */
export const SIGNED_IN_ONLY = { requiresSignIn: true } as const

/**
 * A page for signed-in users only. Its loader starts the page's API request (if it has one)
 * before React renders it; it never blocks navigation.
 */
function protectedRoute(
  context: RouteContext,
  path: string,
  title: string,
  page: ReactNode,
): RouteObject {
  return {
    path: path.slice(1),
    handle: SIGNED_IN_ONLY,
    loader: () => {
      void prefetchRouteData(context, path) // never rejects; the page shows its own loading
      return null
    },
    element: <RequireAuth title={title}>{page}</RequireAuth>,
  }
}

/** The app's routes; the callback path comes from config.json. */
export function appRoutes(context: RouteContext): RouteObject[] {
  const { config } = context.auth
  return [
    {
      element: <Layout />,
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <HomePage /> },
        protectedRoute(context, paths.profile, 'Profile', <ProfilePage />),
        protectedRoute(context, paths.notes, 'Notes', <NotesPage />),
        protectedRoute(context, paths.tasks, 'Tasks', <TasksPage />),
        { path: config.redirectPath.slice(1), element: <AuthCallbackPage /> },
        ...(config.diagnostics
          ? [
              protectedRoute(
                context,
                paths.diagnostics,
                'Diagnostics',
                <Suspense fallback={<StatusMessage>Loading diagnostics…</StatusMessage>}>
                  <DiagnosticsPage />
                </Suspense>,
              ),
            ]
          : []),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]
}

/** `basename` is the deploy path without its trailing slash (`/` at the root). */
export function createAppRouter(context: RouteContext, basename: string) {
  return createBrowserRouter(appRoutes(context), { basename })
}
