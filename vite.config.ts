import { fileURLToPath } from 'node:url'

import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', strictPort: true },
  preview: { host: '127.0.0.1', strictPort: true },
  build: {
    target: 'es2022',
    // Every es2022 browser but Safari < 17 has modulepreload; the polyfill would otherwise be a
    // chunk of its own, shared by the two pages, and one more request on the app's first load.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // The silent renewal callback is a page of its own, framed by the app (silent-callback.ts).
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        'silent-callback': fileURLToPath(new URL('silent-callback.html', import.meta.url)),
      },
    },
  },
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
