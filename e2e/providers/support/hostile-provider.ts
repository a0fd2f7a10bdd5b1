/**
 * Hostile scenarios against a provider profile's stack (its IdP runs with TESSERA_HOSTILE=1,
 * like the security suite's; see e2e/security/support/hostile.ts). The tamper layer sits
 * outside the profile's own quirks, so a scenario rewrites what the vendor would answer.
 */
import type { TestInfo } from '@playwright/test'

import {
  type HostileScenario,
  SCENARIO_PATH,
  userAgentWithKey,
} from '../../../dev/hostile/scenario'
import { expect, test as base } from '../../fixtures'

function scenarioKey(testInfo: TestInfo): string {
  return `${testInfo.testId}-${String(testInfo.repeatEachIndex)}-${String(testInfo.retry)}`
}

export interface HostileProvider {
  /** From now on, this test's browser meets a provider that does what `scenario` says. */
  set(scenario: HostileScenario): Promise<void>
}

/** The fixtures' `test`, plus `hostile`; a test that sets no scenario meets the honest provider. */
export const test = base.extend<{ hostile: HostileProvider }>({
  userAgent: async ({ userAgent }, use, testInfo) => {
    await use(userAgentWithKey(userAgent ?? 'Mozilla/5.0', scenarioKey(testInfo)))
  },
  hostile: async ({ request, stack }, use, testInfo) => {
    const key = scenarioKey(testInfo)
    const url = `${stack.issuer}${SCENARIO_PATH}`
    await use({
      async set(scenario) {
        const response = await request.post(url, { data: { key, scenario } })
        expect(response.status(), `${stack.issuer} is not in hostile mode`).toBe(204)
      },
    })
    await request.delete(`${url}?key=${key}`)
  },
})
