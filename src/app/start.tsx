import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import type { Engines } from '../bootstrap/engines'
import { browserPath, currentAppPath } from '../bootstrap/deploy-base'
import { matchPage } from '../bootstrap/match-page'
import { PAGE_DATA_PATIENCE_MS, settledWithin } from '../bootstrap/first-render'
import type { ConfigError } from '../config'
import { App } from './app'
import { ConfigErrorPage } from './config-error-page'
import { pagesFor } from '../pages'
import { installDiagnostics } from './diagnostics'
import { loadComponent, preloadPages } from './page-components'

export interface AppStart extends Engines {
  readonly root: HTMLElement
  /** Where a sign-in that bootstrap just completed returns to: rendered directly. */
  readonly returnTo?: string | undefined
  /** The first page's reads, which bootstrap started: their answers render with the page. */
  readonly pageData?: Promise<void> | undefined
}

/**
 * The React side of bootstrap (a chunk of its own, which index.html preloads): the first render,
 * with the engines bootstrap made.
 */
export async function startApp(start: AppStart): Promise<void> {
  const { root, config, auth, queryClient, basename, warnings, returnTo, pageData } = start
  if (config.diagnostics) installDiagnostics(auth)
  // Straight to the page sign-in returns to: the router starts there, as on a reload of it,
  // rather than on the callback page and navigating once more.
  if (returnTo !== undefined) {
    window.history.replaceState(null, '', browserPath(basename, returnTo))
  }
  // The first page renders with its component, whose chunk the bootstrap already asked for.
  const pages = pagesFor(config)
  const first = matchPage(pages, currentAppPath(basename))?.page
  await Promise.all([
    first && loadComponent(first).catch(() => undefined), // the page explains a failure
    pageData && settledWithin(pageData, PAGE_DATA_PATIENCE_MS),
  ])
  createRoot(root).render(
    <StrictMode>
      <App
        auth={auth}
        config={config}
        queryClient={queryClient}
        basename={basename}
        warnings={warnings}
      />
    </StrictMode>,
  )
  preloadPages(pages)
}

/** Shown instead of the app when config.json is missing or invalid. */
export function showConfigError(root: HTMLElement, error: ConfigError): void {
  createRoot(root).render(<ConfigErrorPage error={error} />)
}
