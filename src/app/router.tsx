import type { QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
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

/** Marks a route whose page needs a signed-in user (see {@link requiresSignIn}). */
const SIGNED_IN_ONLY = { requiresSignIn: true } as const

/** A page for signed-in users only, with an optional loader that starts its API request. */
function protectedRoute(
  path: string,
  title: string,
  page: ReactNode,
  loader?: ReturnType<typeof prefetchWhenSignedIn>,
): RouteObject {
  return {
    path,
    handle: SIGNED_IN_ONLY,
    ...(loader ? { loader } : {}),
    element: <RequireAuth title={title}>{page}</RequireAuth>,
  }
}

/** Whether the page the router is on needs a signed-in user. */
export function requiresSignIn(router: Pick<ReturnType<typeof createAppRouter>, 'state'>): boolean {
  return router.state.matches.some((match) => match.route.handle === SIGNED_IN_ONLY)
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
        protectedRoute(
          'profile',
          'Profile',
          <ProfilePage />,
          prefetchWhenSignedIn(context, DEMO_API, (endpoint, sub) =>
            context.queryClient.query(meQueryOptions(endpoint, sub)),
          ),
        ),
        protectedRoute(
          'notes',
          'Notes',
          <NotesPage />,
          prefetchWhenSignedIn(context, NOTES_API, (endpoint, sub) =>
            context.queryClient.query(notesQueryOptions(endpoint, sub)),
          ),
        ),
        protectedRoute(
          'tasks',
          'Tasks',
          <TasksPage />,
          prefetchWhenSignedIn(context, DEMO_API, (endpoint, sub) =>
            context.queryClient.query(tasksQueryOptions(endpoint, sub)),
          ),
        ),
        { path: config.redirectPath.slice(1), element: <AuthCallbackPage /> },
        ...(config.diagnostics
          ? [protectedRoute('diagnostics', 'Diagnostics', <DiagnosticsPage />)]
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
