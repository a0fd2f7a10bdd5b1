import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { registerWrites, startReads } from '../api/queries'
import { createQueryClient } from '../api/queries/query-client'
import { installStepUp } from '../api/queries/step-up'
import type { SignInCompletion } from '../auth/core'
import { browserPath, currentAppPath } from '../bootstrap/deploy-base'
import type { Engines } from '../bootstrap/engines'
import { matchPage } from '../bootstrap/match-page'
import type { ConfigError } from '../config'
import { pagesFor } from '../pages'
import { App } from './app'
import { ConfigErrorPage } from './config-error-page'
import { installDiagnostics } from './diagnostics'
import { loadComponent, preloadPages } from './page-components'
import { bindSessionToQueries } from './session-policies'

export interface AppStart extends Engines {
  readonly root: HTMLElement
  /** The sign-in the bootstrap just completed: its page renders directly. */
  readonly completion?: SignInCompletion | undefined
}

/**
 * The React side of the bootstrap (a chunk of its own, which index.html preloads): the query
 * engines, made once outside React (SEC-35), then the first render.
 */
export async function startApp(start: AppStart): Promise<void> {
  const { root, config, auth, basename, warnings, completion } = start
  const pages = pagesFor(config)
  const queryClient = createQueryClient()
  registerWrites(
    queryClient,
    auth,
    pages.flatMap((page) => page.writes ?? []),
  )
  const stepUp = installStepUp(queryClient, auth, { returnTo: () => currentAppPath(basename) })
  bindSessionToQueries(auth, queryClient)
  if (config.diagnostics) installDiagnostics(auth)
  if (completion) {
    // Straight to the page sign-in returns to: the router starts there, as on a reload of it.
    window.history.replaceState(null, '', browserPath(basename, completion.returnTo))
    void stepUp.resume(completion) // a write refused for a step-up, replayed once
  }
  // The first page renders with its component (a chunk of its own), never a loading state;
  // its reads start now, beside that chunk, not after it. The idle sign-out's chunk loads
  // meanwhile, only where config.json turns it on.
  const match = matchPage(pages, currentAppPath(basename))
  const first = match?.page
  if (match) void startReads(queryClient, auth, match.page.reads ?? [], match.params)
  const [idle] = await Promise.all([
    config.idleTimeout === undefined
      ? undefined
      : import('../idle-sign-out').then(({ startIdleSignOut }) => startIdleSignOut(auth)),
    first && loadComponent(first).catch(() => undefined), // the page explains a failure
  ])
  createRoot(root).render(
    <StrictMode>
      <App
        auth={auth}
        config={config}
        queryClient={queryClient}
        basename={basename}
        warnings={warnings}
        idle={idle}
      />
    </StrictMode>,
  )
  preloadPages(pages)
}

/** Shown instead of the app when config.json is missing or invalid. */
export function showConfigError(root: HTMLElement, error: ConfigError): void {
  createRoot(root).render(<ConfigErrorPage error={error} />)
}
