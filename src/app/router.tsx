import { createBrowserRouter, type RouteObject } from 'react-router'

import type { AppConfig } from '../config'
import { Layout } from './layout'
import { RequireAuth } from './require-auth'
import { AuthCallbackPage } from './routes/auth-callback-page'
import { HomePage } from './routes/home-page'
import { NotFoundPage } from './routes/not-found-page'
import { ProfilePage } from './routes/profile-page'
import { RouteErrorPage } from './routes/route-error-page'
import { TasksPage } from './routes/tasks-page'

/** The app's routes; the callback path comes from config.json. */
export function appRoutes(config: AppConfig): RouteObject[] {
  return [
    {
      element: <Layout />,
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <HomePage /> },
        {
          path: 'profile',
          element: (
            <RequireAuth>
              <ProfilePage />
            </RequireAuth>
          ),
        },
        {
          path: 'tasks',
          element: (
            <RequireAuth>
              <TasksPage />
            </RequireAuth>
          ),
        },
        { path: config.redirectPath.slice(1), element: <AuthCallbackPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]
}

/** `basename` is the deploy path without its trailing slash (`/` at the root). */
export function createAppRouter(config: AppConfig, basename: string) {
  return createBrowserRouter(appRoutes(config), { basename })
}
