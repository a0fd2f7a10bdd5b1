import { fileURLToPath } from 'node:url'

import { defineConfig } from 'vitest/config'

/**
 * The engine matrix (e2e/engines/): the key flows in Firefox and WebKit, one test file per
 * engine, the two files in parallel. `npm run test:engines`; needs `dist/` (see docs/engines.md).
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'engines',
    include: ['e2e/engines/*.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/engines/support/global-setup.ts'],
    pool: 'forks',
    // One file per engine: both engines at once (each mostly waits on its browser).
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['dot'] : ['default'],
  },
})
