import { apiEndpoint, callApi } from '../api/queries'
import type { AuthClient } from '../auth/react'

export interface TesseraDiagnostics {
  /** Calls a configured API through the real token path; resolves to the JSON body. */
  fetchApi(apiName: string, path: string): Promise<unknown>
  /**
   * Times `getAccessToken(apiName)`: `batches` batches of `calls` sequential calls; resolves to
   * each batch's mean µs per call (a batch, because the browser coarsens `performance.now()`).
   */
  timeTokenAccess(apiName: string, batches: number, calls: number): Promise<number[]>
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
    timeTokenAccess: async (apiName, batches, calls) => {
      const means: number[] = []
      for (let batch = 0; batch < batches; batch++) {
        const start = performance.now()
        for (let call = 0; call < calls; call++) await auth.getAccessToken(apiName)
        means.push(((performance.now() - start) * 1000) / calls)
      }
      return means
    },
  }
}
