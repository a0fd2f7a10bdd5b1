import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './e2e/support/chromium'
import { E2E_ENV, e2eStack } from './e2e/support/stack-env'

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
 */
export default defineConfig({
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
      testIgnore: '**/security/**',
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      name: 'hostile',
      testDir: 'e2e/security',
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
  ],
  webServer: {
    command: 'tsx dev/start.ts --dist',
    env: { ...E2E_ENV },
    url: `${e2eStack.appOrigin}/config.json`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    // The banner is noise in test output; errors (stderr) stay visible.
    stdout: 'ignore',
    stderr: 'pipe',
    // Let dev/start.ts close its servers in order instead of being killed outright.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
})
