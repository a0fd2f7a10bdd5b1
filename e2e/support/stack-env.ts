/**
 * The e2e suite's own stack, on ports beside a developer's `npm start` (9400/9401/5173), so both
 * can run at once. playwright.config.ts passes `E2E_ENV` to the web server; specs import
 * `e2eStack` for URLs and demo users.
 */
import { devStack } from '../../dev/config'
import type { DevStack } from '../../dev/config'

export const E2E_ENV: Readonly<Record<string, string>> = {
  TESSERA_IDP_PORT: '9500',
  TESSERA_API_PORT: '9501',
  TESSERA_APP_PORT: '9510',
  // Request logs under /__dev/ on the IdP and API, for assertions on traffic.
  TESSERA_DEV_ENDPOINTS: '1',
  // config.json gets "diagnostics": true (window.tesseraDiagnostics, used by e2e/fixtures.ts).
  TESSERA_DIAGNOSTICS: '1',
  // The IdP accepts hostile scenarios (dev/hostile/) for e2e/security/. A scenario applies only
  // to the browser of the test that set it; every other request meets the honest provider.
  TESSERA_HOSTILE: '1',
}

export const e2eStack: DevStack = devStack({ ...process.env, ...E2E_ENV })
