import { fileURLToPath } from 'node:url'

import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

import { readFileSync } from 'node:fs'

import { pinBasePath } from './dev/hosting/index-html.ts'
import { BRAND } from './src/brand/brand.ts'

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
    transformIndexHtml: {
      order: 'post',
      // Only the SPA's page is served at client routes; silent-callback.html always at its own
      // path, where its relative URLs resolve.
      handler: (html, { path }) => (path.endsWith('/index.html') ? pinBasePath(html, '/') : html),
    },
  }
}

/**
 * index.html carries the brand (src/brand/): its name as the title, its icon inline (a data: URL
 * costs no request, and Chromium asks for the icon again on every same-document navigation).
 */
function brandIndex(): Plugin {
  const icon = readFileSync(new URL('src/brand/icon.svg', import.meta.url))
  const href = `data:image/svg+xml;base64,${icon.toString('base64')}`
  return {
    name: 'tessera-brand-index',
    transformIndexHtml: (html) =>
      html
        .replace(/<title>[^<]*<\/title>/, `<title>${BRAND.name}</title>`)
        .replace(
          /<link\s+rel="icon"[^>]*>/,
          `<link rel="icon" href="${href}" type="image/svg+xml" />`,
        ),
  }
}

/**
 * The React app is a chunk of its own (`src/app/start.tsx`), imported by bootstrap only when the
 * page shows something (a signed-out deep link leaves for the provider without it). Every page
 * that does show it needs it at once, so index.html preloads it: downloaded and compiled while
 * bootstrap runs, evaluated only when imported.
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'tessera-preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, { path, bundle, chunk: entry }) => {
        if (!path.endsWith('/index.html') || !bundle || !entry) return html
        const chunks = Object.values(bundle).flatMap((output) =>
          output.type === 'chunk' ? [output] : [],
        )
        const app = chunks.find((chunk) =>
          chunk.moduleIds.some((id) => id.endsWith('/src/app/start.tsx')),
        )
        if (!app) throw new Error('no chunk for src/app/start.tsx: is it imported dynamically?')
        const loaded = new Set([entry.fileName, ...entry.imports])
        const files = [app.fileName, ...app.imports].filter((file) => !loaded.has(file))
        const links = files
          .map((file) => `<link rel="modulepreload" crossorigin href="./${file}">`)
          .join('\n    ')
        return html.replace(/\n?\s*<\/head>/, `\n    ${links}\n  </head>`)
      },
    },
  }
}

/**
 * react-router 7's package exports name only its development build, dev warnings included
 * (remix-run/react-router#14102, open); its production build ships beside it. A build takes
 * that one: smaller, and less work on the main thread while the first page renders.
 */
export const reactRouterProduction = {
  find: /^react-router$/,
  replacement: fileURLToPath(
    new URL('node_modules/react-router/dist/production/index.mjs', import.meta.url),
  ),
}

const MAIN = fileURLToPath(new URL('src/main.ts', import.meta.url))
const APP = fileURLToPath(new URL('src/app/start.tsx', import.meta.url))

interface ModuleGraph {
  getModuleInfo(id: string): { readonly importers: readonly string[] } | null
}

/** Whether `entry` imports `id` statically, directly or through other modules. */
function staticallyImports(entry: string, id: string, graph: ModuleGraph): boolean {
  const seen = new Set<string>()
  const pending = [id]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next === entry) return true
    if (seen.has(next)) continue
    seen.add(next)
    pending.push(...(graph.getModuleInfo(next)?.importers ?? []))
  }
  return false
}

export default defineConfig(({ command }) => ({
  base: './',
  resolve: { alias: command === 'build' ? [reactRouterProduction] : [] },
  plugins: [react(), brandIndex(), preloadAppChunk(), indexAtRoot()],
  server: { host: '127.0.0.1', strictPort: true },
  preview: { host: '127.0.0.1', strictPort: true },
  build: {
    target: 'es2022',
    assetsDir: 'assets',
    // Every es2022 browser but Safari < 17 has modulepreload; the polyfill would otherwise be a
    // chunk of its own, shared by the two pages, and one more request on the app's first load.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // A chunk per stage, each with every module its entry imports statically and an earlier
          // stage does not already hold: the bootstrap (src/main.ts), then the React app
          // (src/app/start.tsx, which index.html preloads). Lazy features keep their own chunks.
          groups: [
            {
              debugName: 'index',
              name: (id, context) => (staticallyImports(MAIN, id, context) ? 'index' : null),
            },
            {
              debugName: 'start',
              name: (id, context) => (staticallyImports(APP, id, context) ? 'start' : null),
            },
            // The example's pages, loaded with their page (in parallel with its reads).
            { name: 'example', test: /[\\/]src[\\/]example[\\/].*\.tsx$/ },
          ],
        },
      },
      // The silent renewal callback is a page of its own, framed by the app (silent-callback.ts).
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
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
}))
