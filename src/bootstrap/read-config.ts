import { isAuthorizationResponse } from '../auth/core'
import { ConfigError, type LoadedConfig, loadConfig } from '../config'
import { PAGES } from '../pages'
import { appRoot } from './app-root'
import { missingApis } from './check-pages'

/**
 * The host's config.json (SEC-44: every page load asks the host), checked against the pages'
 * APIs; or, when it cannot be used, undefined, with every problem shown on the page and in the
 * console as a configuration error, never a network failure.
 */
export async function readConfig(baseUrl: string): Promise<LoadedConfig | undefined> {
  try {
    const loaded = await loadConfig(new URL('config.json', baseUrl).href)
    const missing = missingApis(PAGES, loaded.config)
    if (missing.length > 0) throw new ConfigError('config.json lacks APIs the pages call:', missing)
    return loaded
  } catch (error) {
    scrubAuthorizationResponse() // SEC-12: a code must not outlive a page that cannot redeem it
    const configError =
      error instanceof ConfigError
        ? error
        : new ConfigError('config.json could not be read:', [{ path: '', message: String(error) }])
    console.error(`Tessera: ${configError.message}`)
    const [{ showConfigError }, root] = await Promise.all([import('../app/start'), appRoot()])
    showConfigError(root, configError)
    return undefined
  }
}

/** Takes an authorization response's code and state out of the address bar and history. */
function scrubAuthorizationResponse(): void {
  const url = new URL(window.location.href)
  if (isAuthorizationResponse(url)) {
    window.history.replaceState(window.history.state, '', url.pathname)
  }
}
