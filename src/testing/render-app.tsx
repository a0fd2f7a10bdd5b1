import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { StrictMode } from 'react'
import { createMemoryRouter, RouterProvider } from 'react-router'

import { createQueryClient } from '../api/queries'
import { AuthProvider } from '../auth/react'
import type { AuthFixture } from './auth-fixture'

/** Renders the real routes in StrictMode around a real AuthClient, at `path`. */
export async function renderApp(fixture: AuthFixture, path: string) {
  // Imported lazily so the router module graph loads after test globals are stubbed.
  const { appRoutes } = await import('../app/router')
  const queryClient = createQueryClient()
  const router = createMemoryRouter(appRoutes({ auth: fixture.auth, queryClient }), {
    initialEntries: [path],
  })
  const view = render(
    <StrictMode>
      <AuthProvider client={fixture.auth}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AuthProvider>
    </StrictMode>,
  )
  return { ...view, router, queryClient }
}
