import { defineConfig, devices, type PlaywrightTestConfig } from '@playwright/test'

import { isSelected, projectSelection } from './dev/testing/project-selection'
import { CHROMIUM_ARGS, describeChromium, findChromium } from './e2e/support/chromium'
import type { StackOptions } from './e2e/fixtures'
import { locateNginx } from './e2e/support/nginx'
import {
  E2E_ENV,
  e2eStack,
  FIXTURE_ENV,
  fixtureStack,
  NGINX_ENV,
  nginxStack,
  profileStacks,
} from './e2e/support/stack-env'

/**
 * End-to-end tests against the production build (`npm run test:e2e` builds it first), served by
 * `dev/start.ts --dist` with the real local identity provider and demo API on the e2e ports.
 * Project "hostile" is e2e/security/: the same stack, with the provider turned hostile per test
 * (dev/hostile/; a scenario only ever applies to the browser of the test that set it).
 * Projects "provider-<profile>" run e2e/providers/<profile>.spec.ts against a stack whose local
 * provider plays that vendor (dev/profiles/).
 * e2e/engines/ is not Playwright's: the engine matrix (Firefox, WebKit) runs under Vitest.
 * Project "nginx" runs e2e/hosting/ against the build served by a real nginx with the hosting
 * kit's server block, under /portal/ (dev/hosting/nginx-stack.ts); left out where there is no
 * nginx.
 *
 * Loading this file only looks around: it installs nothing and never throws (docs/testing.md).
 * Each stack is a web server, started only when a project that needs it is selected.
 */

/** playwright.config.ts is loaded by the runner and again by every worker: report once. */
function report(line: string): void {
  if (process.env.TEST_WORKER_INDEX === undefined) console.log(line)
}

const executablePath = findChromium()
report(describeChromium())
const launchOptions = {
  ...(executablePath === undefined ? {} : { executablePath }),
  args: [...CHROMIUM_ARGS],
}
const desktopChrome = { ...devices['Desktop Chrome'], launchOptions }

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
type WebServer = ReturnType<typeof webServer>

type E2eProject = NonNullable<PlaywrightTestConfig<StackOptions>['projects']>[number]

/** A stack the e2e suite runs, and the projects that run against it. */
interface E2eStack {
  readonly projects: readonly E2eProject[]
  readonly server: WebServer
}

const stacks: E2eStack[] = [
  {
    projects: [
      {
        name: 'chromium',
        testIgnore: ['**/security/**', '**/providers/**', '**/hosting/**', '**/engines/**'],
        use: desktopChrome,
      },
      { name: 'hostile', testDir: 'e2e/security', use: desktopChrome },
    ],
    server: webServer(E2E_ENV, e2eStack.appOrigin),
  },
  ...[...profileStacks].map(([name, { env, stack }]) => ({
    projects: [
      {
        name: `provider-${name}`,
        testDir: 'e2e/providers',
        testMatch: `${name}.spec.ts`,
        use: { ...desktopChrome, baseURL: stack.appOrigin, stack },
      },
    ],
    server: webServer(env, stack.appOrigin),
  })),
]

// A fork with another route table and API set: it type-checks, lints and builds before it is
// served (dev/fixture-app/serve.ts), which takes a while.
stacks.push({
  projects: [
    {
      name: 'fixture-app',
      testDir: 'dev/fixture-app',
      testMatch: '*.spec.ts',
      use: { ...desktopChrome, baseURL: fixtureStack.appOrigin, stack: fixtureStack },
    },
  ],
  server: {
    ...webServer(FIXTURE_ENV, fixtureStack.appOrigin, 'node --import tsx dev/fixture-app/serve.ts'),
    timeout: 300_000,
  },
})

const nginx = locateNginx()
if (nginx.found) {
  stacks.push({
    projects: [
      {
        name: 'nginx',
        testDir: 'e2e/hosting',
        use: {
          ...desktopChrome,
          baseURL: `${nginxStack.appOrigin}${nginxStack.basePath}`,
          stack: nginxStack,
        },
      },
    ],
    server: webServer(
      { ...NGINX_ENV, NGINX_PATH: nginx.path },
      nginxStack.appOrigin,
      'node --import tsx dev/hosting/nginx-stack.ts',
      nginxStack.basePath,
    ),
  })
} else {
  report(
    `Skipping e2e project "nginx" (e2e/hosting/): ${nginx.reason}. Install nginx or set NGINX_PATH to run it.`,
  )
}

const selection = projectSelection(process.argv)
const needed = stacks.filter((stack) =>
  stack.projects.some((project) => isSelected(project.name ?? '', selection)),
)

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
  projects: stacks.flatMap((stack) => stack.projects),
  webServer: needed.map((stack) => stack.server),
})
