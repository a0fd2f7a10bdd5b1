/**
 * The e2e suite's own stacks, on ports beside a developer's `npm start` (9400/9401/5173), so both
 * can run at once: the generic stack on 9500–9510, and one stack per provider profile
 * (dev/profiles/) 20 ports further each. playwright.config.ts starts a web server per stack that
 * a selected project needs; specs import `e2eStack` (or the `stack` fixture) for URLs and demo
 * users.
 */
import { devStack, portsFrom } from '../../dev/config'
import type { DevStack } from '../../dev/config'
import { PROFILES, withProfile } from '../../dev/profiles'

const BASE_PORT = 9500

function envFor(base: number, profile: string): Readonly<Record<string, string>> {
  return {
    ...portsFrom(base),
    TESSERA_PROFILE: profile,
    // Request logs under /__dev/ on the IdP and API, for assertions on traffic.
    TESSERA_DEV_ENDPOINTS: '1',
    // config.json gets "diagnostics": true (window.tesseraDiagnostics, used by e2e/fixtures.ts).
    TESSERA_DIAGNOSTICS: '1',
  }
}

export const E2E_ENV: Readonly<Record<string, string>> = {
  ...envFor(BASE_PORT, 'generic'),
  // The IdP accepts hostile scenarios (dev/hostile/) for e2e/security/. A scenario applies only
  // to the browser of the test that set it; every other request meets the honest provider.
  TESSERA_HOSTILE: '1',
}

export const e2eStack: DevStack = devStack({ ...process.env, ...E2E_ENV })

export interface ProfileStack {
  readonly env: Readonly<Record<string, string>>
  readonly stack: DevStack
}

/** One stack per provider profile other than `generic`, by profile name. */
export const profileStacks: ReadonlyMap<string, ProfileStack> = new Map(
  [...PROFILES.keys()]
    .filter((name) => name !== 'generic')
    .map((name, index) => {
      // Hostile mode too, so a provider spec can tamper with one test's answers (dev/hostile/).
      const env = { ...envFor(BASE_PORT + 20 * (index + 1), name), TESSERA_HOSTILE: '1' }
      return [name, { env, stack: withProfile(devStack({ ...process.env, ...env })) }]
    }),
)

/**
 * The stack of the e2e project "nginx": the built app served by a real nginx with the hosting
 * kit's configuration (dev/hosting/nginx-stack.ts), under a sub-path, on ports of its own.
 */
export const NGINX_ENV: Readonly<Record<string, string>> = {
  ...envFor(9950, 'generic'),
  TESSERA_BASE_PATH: '/portal/',
}

export const nginxStack: DevStack = devStack({ ...process.env, ...NGINX_ENV })

/**
 * The stack of the e2e project "fixture-app": a fork of the app with another route table and API
 * set (dev/fixture-app/), built and served by dev/fixture-app/serve.ts.
 */
export const FIXTURE_ENV: Readonly<Record<string, string>> = {
  ...envFor(9660, 'generic'),
  TESSERA_DIAGNOSTICS: '1',
}

export const fixtureStack: DevStack = devStack({ ...process.env, ...FIXTURE_ENV })
