import { type QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { BrowserRouter } from 'react-router'

import { type AuthClient, AuthProvider } from '../auth/react'
import type { AppConfig, DeployWarning } from '../config'
import { AppConfigContext } from './app-config'
import { DeployWarningsContext } from './deploy-warnings'
import { AppRoutes } from './router'

interface ProvidersProps {
  readonly auth: AuthClient
  readonly config: AppConfig
  readonly queryClient: QueryClient
  readonly warnings?: readonly DeployWarning[]
  readonly children: ReactNode
}

/** Hands the engines built in the bootstrap to React. */
export function AppProviders({
  auth,
  config,
  queryClient,
  warnings = [],
  children,
}: ProvidersProps) {
  return (
    <AppConfigContext value={config}>
      <AuthProvider client={auth}>
        <QueryClientProvider client={queryClient}>
          <DeployWarningsContext value={warnings}>{children}</DeployWarningsContext>
        </QueryClientProvider>
      </AuthProvider>
    </AppConfigContext>
  )
}

/** The composition root: the engines, the browser's router under the deploy path, the routes. */
export function App({
  basename,
  ...providers
}: Omit<ProvidersProps, 'children'> & { basename: string }) {
  return (
    <AppProviders {...providers}>
      <BrowserRouter basename={basename}>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  )
}
