import type { QueryClient } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import type { AuthClient } from '../auth/core'
import type { AppConfig, ConfigError, DeployWarning } from '../config'
import { App } from './app'
import { ConfigErrorPage } from './config-error-page'
import { browserPath } from './deploy-base'
import { PAGE_DATA_PATIENCE_MS, settledWithin } from './first-render'
import { installDiagnostics } from './diagnostics'
import { createAppRouter } from './router'

export { rehearseRendering } from './rehearse-rendering'

export interface AppStart {
  readonly root: HTMLElement
  readonly auth: AuthClient
  readonly config: AppConfig
  readonly queryClient: QueryClient
  /** The router's basename (the deploy path without its trailing slash). */
  readonly basename: string
  /** Shown on every page (config/deploy-warnings.ts). */
  readonly warnings?: readonly DeployWarning[]
  /** Where a sign-in that bootstrap just completed returns to: rendered directly. */
  readonly returnTo?: string | undefined
  /** The first page's API request, which bootstrap started: its answer renders with the page. */
  readonly pageData?: Promise<void> | undefined
  /**
   * The router, if bootstrap created it ahead: on the callback route, while the code was being
   * redeemed. It moves on to `returnTo` before the first render.
   */
  readonly routerAhead?: Promise<AppRouter> | undefined
}

export type AppRouter = ReturnType<typeof createAppRouter>

export { createAppRouter }

/**
 * The React side of bootstrap (a chunk of its own, which index.html preloads): the router,
 * then the first render, with the engines bootstrap made.
 */
export async function startApp({
  root,
  auth,
  config,
  queryClient,
  basename,
  warnings = [],
  returnTo,
  pageData,
  routerAhead,
}: AppStart): Promise<void> {
  if (config.diagnostics) installDiagnostics(auth)
  let router: AppRouter
  if (routerAhead) {
    router = await routerAhead
    // Not rendered yet, so this is only route matching: React renders the page directly.
    if (returnTo !== undefined) await router.navigate(returnTo, { replace: true })
  } else {
    // Straight to the page sign-in returns to: the router starts there, as on a reload of it,
    // rather than on the callback page and navigating once more.
    if (returnTo !== undefined) {
      window.history.replaceState(null, '', browserPath(basename, returnTo))
    }
    router = createAppRouter({ auth, queryClient }, basename)
  }
  if (pageData) await settledWithin(pageData, PAGE_DATA_PATIENCE_MS)
  createRoot(root).render(
    <StrictMode>
      <App auth={auth} queryClient={queryClient} router={router} warnings={warnings} />
    </StrictMode>,
  )
}

/** Shown instead of the app when config.json is missing or invalid. */
export function showConfigError(root: HTMLElement, error: ConfigError): void {
  createRoot(root).render(<ConfigErrorPage error={error} />)
}
