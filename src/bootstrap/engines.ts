import { AuthClient } from '../auth/core'
import { type AppConfig, type DeployWarning, deployWarnings, type LoadedConfig } from '../config'
import { routerBasename } from './deploy-base'

/** What the bootstrap makes once per page, before React (SEC-35), and hands to the app. */
export interface Engines {
  readonly config: AppConfig
  readonly auth: AuthClient
  /** The router's basename: the deploy path without its trailing slash. */
  readonly basename: string
  readonly warnings: readonly DeployWarning[]
}

/** Makes the auth client for `loaded` (config.json and the clock) at the app's base URL. */
export function createEngines(loaded: LoadedConfig, baseUrl: string): Engines {
  const { config, clockOffsetMs, deviceClockOffMs } = loaded
  const auth = new AuthClient({
    config,
    appBaseUrl: baseUrl,
    now: () => Date.now() + clockOffsetMs,
  })
  // A page restored from the back/forward cache is no longer on its way to the provider.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) auth.resumeAfterNavigation()
  })
  const warnings = deployWarnings({ config, origin: window.location.origin, deviceClockOffMs })
  for (const { code, message, fix } of warnings)
    console.warn(`Tessera [${code}]: ${message} ${fix}`)
  return { config, auth, basename: routerBasename(baseUrl), warnings }
}
