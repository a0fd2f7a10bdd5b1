/**
 * The app from source on Vite's dev server (hot reload), answering `/config.json` with a given
 * object and sending the security headers that config calls for (./dev-server-headers.ts).
 * `npm start` runs it against the local stack, `npm start -- --config <file>` against the
 * provider and APIs named in that file.
 */
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

import { HOST } from './config'
import type { RunningServer } from './config'
import { devServerHeaders } from './dev-server-headers'

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
const VITE_CONFIG = fileURLToPath(new URL('../vite.config.ts', import.meta.url))

export interface ViteDevServerOptions {
  readonly port: number
  /** What `/config.json` answers; the CSP's connect-src and frame-src follow it. */
  readonly config: Record<string, unknown>
}

type Listener = (...args: unknown[]) => void

/**
 * Vite's dev server installs its own SIGTERM (and stdin "end") handler that closes only Vite and
 * exits with code 143. The caller owns shutdown, so every server closes in order and the exit
 * code is 0: this takes Vite's handler off after each dev server creation (including restarts
 * when vite.config.ts changes, should Vite add it again).
 */
function viteSignalHandlerRemover(): () => void {
  const sigterm = () => process.listeners('SIGTERM') as Listener[]
  const stdinEnd = () => process.stdin.listeners('end') as Listener[]
  const before = new Set([...sigterm(), ...stdinEnd()])
  let viteHandlers: Set<Listener> | undefined
  return () => {
    // The first time, anything new is Vite's (a module-level function it reuses on restarts).
    viteHandlers ??= new Set([...sigterm(), ...stdinEnd()].filter((l) => !before.has(l)))
    for (const listener of viteHandlers) {
      process.off('SIGTERM', listener)
      process.stdin.off('end', listener)
    }
  }
}

/**
 * Answers `/config.json` with `config` (there is no file: the dev server serves what it was
 * given), sends the security headers on every response, and keeps shutdown with the caller
 * (see `viteSignalHandlerRemover`).
 */
function configPlugin(config: Record<string, unknown>, port: number, nonce: string): Plugin {
  const body = JSON.stringify(config)
  // Created before the server, so Vite's handlers are not in its "before" snapshot.
  const removeViteSignalHandlers = viteSignalHandlerRemover()
  return {
    name: 'tessera-dev-config',
    configureServer(server) {
      // configureServer runs after Vite registered its handlers, on every (re)start.
      removeViteSignalHandlers()
      // Added here, not returned: it runs before Vite's own middlewares, for every response.
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?', 1)[0] ?? '/'
        for (const [name, value] of Object.entries(
          devServerHeaders(config, { nonce, port, path }),
        )) {
          res.setHeader(name, value)
        }
        if (path !== '/config.json') {
          next()
          return
        }
        res.writeHead(200, {
          'Content-Type': 'application/json; charset=utf-8',
          'Cache-Control': 'no-store',
        })
        res.end(body)
      })
    },
  }
}

/** Starts the dev server on 127.0.0.1:`port` (strict: a taken port is an error). */
export async function startViteDevServer(options: ViteDevServerOptions): Promise<RunningServer> {
  // Loaded on demand: `--dist` (e2e, bench) does not pay for Vite.
  const { createServer } = await import('vite')
  // One per server, not per response: Vite writes it into what it serves and caches. Enough on
  // loopback, where the nonce only has to keep the CSP strict for everything else.
  const nonce = randomBytes(16).toString('base64url')
  const server = await createServer({
    configFile: VITE_CONFIG,
    root: REPO_ROOT,
    clearScreen: false,
    server: { host: HOST, port: options.port, strictPort: true },
    html: { cspNonce: nonce },
    plugins: [configPlugin(options.config, options.port, nonce)],
  })
  try {
    await server.listen()
  } catch (error) {
    await server.close()
    throw error
  }
  return { url: `http://${HOST}:${String(options.port)}/`, close: () => server.close() }
}
