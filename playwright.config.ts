import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './e2e/support/chromium'
import type { StackOptions } from './e2e/fixtures'
import { findNginx } from './e2e/support/nginx'
import { E2E_ENV, e2eStack, NGINX_ENV, nginxStack, profileStacks } from './e2e/support/stack-env'

const executablePath = findChromium()
const launchOptions = {
  ...(executablePath === undefined ? {} : { executablePath }),
  args: [...CHROMIUM_ARGS],
}

/**
 * End-to-end tests against the production build (`npm run test:e2e` builds it first), served by
 * `dev/start.ts --dist` with the real local identity provider and demo API on the e2e ports.
 * Project "hostile" is e2e/security/: the same stack, with the provider turned hostile per test
 * (dev/hostile/; a scenario only ever applies to the browser of the test that set it).
 * Projects "provider-<profile>" run e2e/providers/<profile>.spec.ts against a stack whose local
 * provider plays that vendor (dev/profiles/).
 * e2e/engines/ is not Playwright's: the engine matrix (Firefox, WebKit) runs under Vitest.
 * Project "nginx" runs e2e/hosting/ against the build served by a real nginx with the hosting
 * kit's server block, under /portal/ (dev/hosting/nginx-stack.ts).
 */

function webServer(
  env: Readonly<Record<string, string>>,
  appOrigin: string,
  command = 'node --import tsx dev/start.ts --dist',
  basePath = '/',
) {
  return {
    command,
    env: { ...env },
    url: `${appOrigin}${basePath}config.json`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    // The banner is noise in test output; errors (stderr) stay visible.
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    // Let dev/start.ts close its servers in order instead of being killed outright.
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
  }
}
export default defineConfig<StackOptions>({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['dot']] : [['list']],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: e2eStack.appOrigin,
    trace: 'retain-on-failure',
    launchOptions,
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: ['**/security/**', '**/providers/**', '**/hosting/**', '**/engines/**'],
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      name: 'hostile',
      testDir: 'e2e/security',
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      name: 'nginx',
      testDir: 'e2e/hosting',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions,
        baseURL: `${nginxStack.appOrigin}${nginxStack.basePath}`,
        stack: nginxStack,
      },
    },
    ...[...profileStacks].map(([name, { stack }]) => ({
      name: `provider-${name}`,
      testDir: 'e2e/providers',
      testMatch: `${name}.spec.ts`,
      use: { ...devices['Desktop Chrome'], launchOptions, baseURL: stack.appOrigin, stack },
    })),
  ],
  webServer: [
    webServer(E2E_ENV, e2eStack.appOrigin),
    ...[...profileStacks.values()].map(({ env, stack }) => webServer(env, stack.appOrigin)),
    webServer(
      { ...NGINX_ENV, NGINX_PATH: findNginx() },
      nginxStack.appOrigin,
      'node --import tsx dev/hosting/nginx-stack.ts',
      nginxStack.basePath,
    ),
  ],
})
