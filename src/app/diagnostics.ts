import { apiEndpoint, callApi } from '../api/queries'
import type { AuthClient } from '../auth/react'

export interface TesseraDiagnostics {
  /** Calls a configured API through the real token path; resolves to the JSON body. */
  fetchApi(apiName: string, path: string): Promise<unknown>
}

declare global {
  interface Window {
    tesseraDiagnostics?: TesseraDiagnostics
  }
}

/**
 * Gives tests and the bench a handle on the app's real API path (`"diagnostics": true` in
 * config.json). It never hands out a token: a caller gets what the API answered.
 */
export function installDiagnostics(auth: AuthClient): void {
  window.tesseraDiagnostics = {
    fetchApi: (apiName, path) => callApi(apiEndpoint(auth, apiName), path),
  }
}
