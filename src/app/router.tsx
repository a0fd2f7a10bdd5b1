import type { QueryClient } from '@tanstack/react-query'
import { createBrowserRouter, type RouteObject } from 'react-router'

import {
  type ApiEndpoint,
  apiEndpoint,
  DEMO_API,
  meQueryOptions,
  NOTES_API,
  notesQueryOptions,
  tasksQueryOptions,
} from '../api/queries'
import type { AuthClient } from '../auth/react'
import { Layout } from './layout'
import { RequireAuth } from './require-auth'
import { AuthCallbackPage } from './routes/auth-callback-page'
import { DiagnosticsPage } from './routes/diagnostics-page'
import { HomePage } from './routes/home-page'
import { NotesPage } from './routes/notes-page'
import { NotFoundPage } from './routes/not-found-page'
import { ProfilePage } from './routes/profile-page'
import { RouteErrorPage } from './routes/route-error-page'
import { TasksPage } from './routes/tasks-page'

export interface RouteContext {
  readonly auth: AuthClient
  readonly queryClient: QueryClient
}

/**
 * A loader that starts a signed-in page's API request before React renders it (the page's
 * query then picks up the request in flight). It never blocks navigation.
 */
function prefetchWhenSignedIn(
  { auth }: RouteContext,
  apiName: string,
  prefetch: (endpoint: ApiEndpoint, sub: string) => Promise<unknown>,
) {
  return () => {
    const sub = auth.getSnapshot().user?.sub
    // The page's own query reports any failure; here it is only a head start.
    if (sub !== undefined) prefetch(apiEndpoint(auth, apiName), sub).catch(() => undefined)
    return null
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
        {
          path: 'profile',
          loader: prefetchWhenSignedIn(context, DEMO_API, (endpoint, sub) =>
            context.queryClient.query(meQueryOptions(endpoint, sub)),
          ),
          element: (
            <RequireAuth title="Profile">
              <ProfilePage />
            </RequireAuth>
          ),
        },
        {
          path: 'notes',
          loader: prefetchWhenSignedIn(context, NOTES_API, (endpoint, sub) =>
            context.queryClient.query(notesQueryOptions(endpoint, sub)),
          ),
          element: (
            <RequireAuth title="Notes">
              <NotesPage />
            </RequireAuth>
          ),
        },
        {
          path: 'tasks',
          loader: prefetchWhenSignedIn(context, DEMO_API, (endpoint, sub) =>
            context.queryClient.query(tasksQueryOptions(endpoint, sub)),
          ),
          element: (
            <RequireAuth title="Tasks">
              <TasksPage />
            </RequireAuth>
          ),
        },
        { path: config.redirectPath.slice(1), element: <AuthCallbackPage /> },
        ...(config.diagnostics
          ? [
              {
                path: 'diagnostics',
                element: (
                  <RequireAuth title="Diagnostics">
                    <DiagnosticsPage />
                  </RequireAuth>
                ),
              },
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
