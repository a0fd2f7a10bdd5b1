import { type QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { BrowserRouter } from 'react-router'

import { type AuthClient, AuthProvider } from '../auth/react'
import type { AppConfig, DeployWarning } from '../config'
import type { IdleSignOut } from '../idle-sign-out'
import { AppConfigContext } from './app-config'
import { DeployWarningsContext } from './deploy-warnings'
import { IdleSignOutContext } from './idle-sign-out/idle-context'
import { AppRoutes } from './router'

interface ProvidersProps {
  readonly auth: AuthClient
  readonly config: AppConfig
  readonly queryClient: QueryClient
  readonly warnings?: readonly DeployWarning[]
  /** The idle sign-out, when config.json turns it on. */
  readonly idle?: IdleSignOut | undefined
  readonly children: ReactNode
}

/** Hands the engines built in the bootstrap to React. */
export function AppProviders({
  auth,
  config,
  queryClient,
  warnings = [],
  idle,
  children,
}: ProvidersProps) {
  return (
    <AppConfigContext value={config}>
      <AuthProvider client={auth}>
        <QueryClientProvider client={queryClient}>
          <DeployWarningsContext value={warnings}>
            <IdleSignOutContext value={idle ?? null}>{children}</IdleSignOutContext>
          </DeployWarningsContext>
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
