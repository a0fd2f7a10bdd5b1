import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

import { pinBasePath } from './dev/hosting/index-html'

/**
 * One build for any base path (docs/decisions/0006-one-build-any-base-path.md): chunks, styles
 * and assets refer to each other relatively (`base: './'`); the app finds its base at run time.
 * `index.html` is pinned to `/` here, so `dist/` works at a site's root as built; `npm run
 * hosting -- --base /portal/` re-pins it for a sub-path.
 */
function indexAtRoot(): Plugin {
  return {
    name: 'tessera-index-at-root',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => pinBasePath(html, '/') },
  }
}

export default defineConfig({
  base: './',
  plugins: [react(), indexAtRoot()],
  server: { host: '127.0.0.1', strictPort: true },
  preview: { host: '127.0.0.1', strictPort: true },
  build: { target: 'es2022', assetsDir: 'assets' },
  test: {
    restoreMocks: true,
    unstubGlobals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          environmentOptions: { jsdom: { url: 'https://app.example.test/' } },
          setupFiles: ['src/testing/setup.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'dev', include: ['dev/**/*.test.ts'], environment: 'node' },
      },
    ],
  },
})
