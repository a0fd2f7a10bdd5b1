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
): Promise<LoadedConfig> {
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
  let source: string
  let json: unknown
  try {
    source = await response.text()
    json = JSON.parse(source)
  } catch (cause) {
    throw new ConfigError(
      `${url} is not valid JSON:`,
      [{ path: '', message: 'fix the JSON syntax (a validator shows the line)' }],
      { cause },
    )
  }
  const deviceClockOffMs = clockDifference(response)
  return {
    config: parseConfig(json),
    deviceClockOffMs,
    clockOffsetMs: Math.abs(deviceClockOffMs) < MAX_CORRECTION_MS ? deviceClockOffMs : 0,
  }
}

export interface LoadedConfig {
  readonly config: AppConfig
  /**
   * The correction for this device's clock (ms to add to it; 0 when within a few seconds,
   * unknown, or too far off to trust). Token times are checked against the corrected clock, so
   * a device clock that is minutes or hours off does not break sign-in.
   */
  readonly clockOffsetMs: number
  /** How far the host's clock is ahead of this device's, as measured (ms; 0 when unknown). */
  readonly deviceClockOffMs: number
}

/** Below this, the HTTP date's one-second resolution and latency are noise. */
const NEGLIGIBLE_OFFSET_MS = 5_000
/**
 * SEC-48: a clock a day or more off is broken (or the Date header is): it is reported, not
 * corrected, so no header can move token time checks by days.
 */
export const MAX_CORRECTION_MS = 24 * 3600_000

/** Reads the host's clock from the same-origin response's `Date` header (RFC 9110 §6.6.1). */
function clockDifference(response: Response, localNow = Date.now()): number {
  const serverTime = Date.parse(response.headers.get('Date') ?? '')
  if (Number.isNaN(serverTime)) return 0
  const offset = serverTime - localNow
  return Math.abs(offset) < NEGLIGIBLE_OFFSET_MS ? 0 : offset
}
