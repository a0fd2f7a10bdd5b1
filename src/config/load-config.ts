import type { AppConfig } from './app-config'
import { ConfigError } from './config-error'
import { parseConfig } from './parse-config'

/**
 * Fetches and validates the runtime `config.json` served next to `index.html`, so one build
 * serves every environment.
 */
export async function loadConfig(
  url: string,
  fetchFn: typeof fetch = globalThis.fetch,
): Promise<AppConfig> {
  let response: Response
  try {
    // Freshness is the host's job (config.json is served no-cache); a plain request lets the
    // browser use index.html's preload of it.
    response = await fetchFn(url, { credentials: 'same-origin' })
  } catch (cause) {
    throw new ConfigError(
      `Could not download ${url}:`,
      [{ path: '', message: 'the request failed; check that the site is reachable' }],
      { cause },
    )
  }
  if (!response.ok) {
    throw new ConfigError(`Could not download ${url}:`, [
      {
        path: '',
        message: `the server answered ${String(response.status)}; deploy config.json next to index.html`,
      },
    ])
  }
  let json: unknown
  try {
    json = await response.json()
  } catch (cause) {
    throw new ConfigError(
      `${url} is not valid JSON:`,
      [{ path: '', message: 'fix the JSON syntax (a validator shows the line)' }],
      { cause },
    )
  }
  return parseConfig(json)
}
