import type { QueryClient } from '@tanstack/query-core'

import { createQueryClient, installStepUp, registerWrites, type StepUpPolicy } from '../api/queries'
import { AuthClient } from '../auth/core'
import { type AppConfig, type DeployWarning, deployWarnings, type LoadedConfig } from '../config'
import { pagesFor } from '../pages'
import { currentAppPath, routerBasename } from './deploy-base'
import { bindSessionToQueries } from './session-policies'

/** Everything the app runs on, made once per page before React (SEC-35). */
export interface Engines {
  readonly config: AppConfig
  readonly auth: AuthClient
  readonly queryClient: QueryClient
  readonly stepUp: StepUpPolicy
  /** The router's basename: the deploy path without its trailing slash. */
  readonly basename: string
  readonly warnings: readonly DeployWarning[]
}

/** Makes the engines for `loaded` (config.json and the clock) at the app's base URL. */
export function createEngines(loaded: LoadedConfig, baseUrl: string): Engines {
  const { config, clockOffsetMs, deviceClockOffMs } = loaded
  const auth = new AuthClient({
    config,
    appBaseUrl: baseUrl,
    now: () => Date.now() + clockOffsetMs,
  })
  const basename = routerBasename(baseUrl)
  const queryClient = createQueryClient()
  registerWrites(
    queryClient,
    auth,
    pagesFor(config).flatMap((page) => page.writes ?? []),
  )
  const stepUp = installStepUp(queryClient, auth, { returnTo: () => currentAppPath(basename) })
  bindSessionToQueries(auth, queryClient)
  // A page restored from the back/forward cache is no longer on its way to the provider.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) auth.resumeAfterNavigation()
  })
  const warnings = deployWarnings({ config, origin: window.location.origin, deviceClockOffMs })
  for (const { code, message, fix } of warnings)
    console.warn(`Tessera [${code}]: ${message} ${fix}`)
  return { config, auth, queryClient, stepUp, basename, warnings }
}
