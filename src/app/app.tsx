import { type QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from 'react-router'

import { type AuthClient, AuthProvider } from '../auth/react'
import type { DeployWarning } from '../config'
import { DeployWarningsContext } from './deploy-warnings'
import type { createAppRouter } from './router'

interface AppProps {
  readonly auth: AuthClient
  readonly queryClient: QueryClient
  readonly router: ReturnType<typeof createAppRouter>
  readonly warnings?: readonly DeployWarning[]
}

/** The composition root: engines built in main.ts are handed to React here. */
export function App({ auth, queryClient, router, warnings = [] }: AppProps) {
  return (
    <AuthProvider client={auth}>
      <QueryClientProvider client={queryClient}>
        <DeployWarningsContext value={warnings}>
          <RouterProvider router={router} />
        </DeployWarningsContext>
      </QueryClientProvider>
    </AuthProvider>
  )
}
