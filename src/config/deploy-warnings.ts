import type { AppConfig } from './app-config'
import { MAX_CORRECTION_MS } from './load-config'
import { isLoopback } from './parse-config'

/** Something about this deployment or device that works, but should not stay that way. */
export interface DeployWarning {
  readonly code: 'diagnostics_exposed' | 'device_clock_wrong'
  readonly message: string
  readonly fix: string
}

export interface DeployFacts {
  readonly config: Pick<AppConfig, 'diagnostics'>
  /** Where the app runs, e.g. `https://app.example.com`. */
  readonly origin: string
  /** How far the host's clock is ahead of this device's (ms), as measured. */
  readonly deviceClockOffMs: number
}

/** What the page and the console must say about this deployment before anything else. */
export function deployWarnings({ config, origin, deviceClockOffMs }: DeployFacts): DeployWarning[] {
  const warnings: DeployWarning[] = []
  // SEC-49: diagnostics hand scripts an API caller and show token lifetimes: a test aid.
  if (config.diagnostics && !isLoopback(new URL(origin))) {
    warnings.push({
      code: 'diagnostics_exposed',
      message: `Diagnostics are on at ${origin}: a Diagnostics page and window.tesseraDiagnostics let any script on this page call your APIs as the signed-in user.`,
      fix: 'Set "diagnostics": false in this deployment’s config.json; keep it for local testing.',
    })
  }
  // SEC-48: too far off to correct; token time checks use the device clock as it is.
  if (Math.abs(deviceClockOffMs) >= MAX_CORRECTION_MS) {
    const days = Math.round(Math.abs(deviceClockOffMs) / (24 * 3600_000))
    warnings.push({
      code: 'device_clock_wrong',
      message: `This device’s clock is about ${String(days)} day${days === 1 ? '' : 's'} ${deviceClockOffMs > 0 ? 'behind' : 'ahead of'} the server’s. Signing in checks the time and may fail.`,
      fix: 'Set the device’s date and time to update automatically, then reload the page.',
    })
  }
  return warnings
}
