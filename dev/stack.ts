/**
 * Starts the whole local stack in order: identity provider, demo API, then the app (Vite dev
 * server, or the static host serving `dist/`). Used by `npm start` (dev/start.ts); the app is
 * always handed a `config.json` generated from the stack, so the ports in the environment win.
 */
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import { startDemoApi, startNotesApi } from './api/server'
import type { DevStack, RunningServer } from './config'
import { startIdentityProvider } from './idp/server'
import { profileOf, withProfile } from './profiles'
import { startStaticSite } from './serve-dist'

export type AppMode =
  { readonly mode: 'vite-dev' } | { readonly mode: 'dist'; readonly root: string }

export interface StartedStack {
  /** In start order: identity provider, API, app. */
  readonly servers: RunningServer[]
  /** Where to open the app. */
  readonly appUrl: string
  /** Closes every server in reverse start order. */
  close(): Promise<void>
}

/** A server could not listen because its port is taken. */
export class PortInUseError extends Error {
  readonly service: string
  readonly port: number
  /** The environment variable that moves this service to another port. */
  readonly envVar: string

  constructor(service: string, port: number, envVar: string, options?: ErrorOptions) {
    super(`Port ${String(port)} (${service}) is already in use`, options)
    this.name = 'PortInUseError'
    this.service = service
    this.port = port
    this.envVar = envVar
  }
}

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
const VITE_CONFIG = fileURLToPath(new URL('../vite.config.ts', import.meta.url))

function isPortInUse(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  // Node reports EADDRINUSE; Vite's strictPort check throws "Port N is already in use".
  return (
    (error as NodeJS.ErrnoException).code === 'EADDRINUSE' || /already in use/i.test(error.message)
  )
}

type Listener = (...args: unknown[]) => void

/**
 * Vite's dev server installs its own SIGTERM (and stdin "end") handler that closes only Vite and
 * exits with code 143. The caller of `startStack` owns shutdown, so every server closes in order
 * and the exit code is 0: this takes Vite's handler off after each dev server creation (including
 * restarts when vite.config.ts changes, should Vite add it again).
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
 * Answers `/config.json` from the stack instead of `public/config.json`, so the ports in the
 * environment win, and keeps shutdown with the caller (see `viteSignalHandlerRemover`).
 */
function stackPlugin(config: Record<string, unknown>): Plugin {
  const body = JSON.stringify(config)
  // Created before the server, so Vite's handlers are not in its "before" snapshot.
  const removeViteSignalHandlers = viteSignalHandlerRemover()
  return {
    name: 'tessera-stack',
    configureServer(server) {
      // configureServer runs after Vite registered its handlers, on every (re)start.
      removeViteSignalHandlers()
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').split('?', 1)[0] !== '/config.json') {
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

async function startViteDev(stack: DevStack): Promise<RunningServer> {
  // Loaded on demand: `--dist` (e2e, bench) does not pay for Vite.
  const { createServer } = await import('vite')
  const server = await createServer({
    configFile: VITE_CONFIG,
    root: REPO_ROOT,
    clearScreen: false,
    server: { host: '127.0.0.1', port: stack.appPort, strictPort: true },
    plugins: [stackPlugin(profileOf(stack).appConfig(stack))],
  })
  try {
    await server.listen()
  } catch (error) {
    await server.close()
    throw error
  }
  return { url: `${stack.appOrigin}/`, close: () => server.close() }
}

async function closeAll(servers: readonly RunningServer[]): Promise<void> {
  const errors: unknown[] = []
  for (const server of [...servers].reverse()) {
    try {
      await server.close()
    } catch (error) {
      errors.push(error)
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, 'Some servers did not close cleanly')
}

/**
 * Starts the identity provider, the demo API and the app for `stack`. If one fails to start,
 * the ones already running are closed and the error is rethrown (a `PortInUseError` when its
 * port is taken).
 */
export async function startStack(requested: DevStack, app: AppMode): Promise<StartedStack> {
  const stack = withProfile(requested)
  const steps: {
    service: string
    port: number
    envVar: string
    start: () => Promise<RunningServer>
  }[] = [
    {
      service: 'identity provider',
      port: stack.idpPort,
      envVar: 'TESSERA_IDP_PORT',
      start: () => startIdentityProvider(stack),
    },
    {
      service: 'demo API',
      port: stack.apiPort,
      envVar: 'TESSERA_API_PORT',
      start: () => startDemoApi(stack),
    },
    {
      service: 'notes API',
      port: stack.notesApiPort,
      envVar: 'TESSERA_NOTES_API_PORT',
      start: () => startNotesApi(stack),
    },
    {
      service: 'app',
      port: stack.appPort,
      envVar: 'TESSERA_APP_PORT',
      start: () =>
        app.mode === 'vite-dev'
          ? startViteDev(stack)
          : startStaticSite({
              root: app.root,
              port: stack.appPort,
              host: '127.0.0.1',
              basePath: stack.basePath,
              config: profileOf(stack).appConfig(stack),
            }),
    },
  ]

  const servers: RunningServer[] = []
  for (const step of steps) {
    try {
      servers.push(await step.start())
    } catch (error) {
      await closeAll(servers).catch((closeError: unknown) => {
        console.error(closeError)
      })
      if (isPortInUse(error)) {
        throw new PortInUseError(step.service, step.port, step.envVar, { cause: error })
      }
      throw error
    }
  }
  return {
    servers,
    // The dev server always serves at the root; a base path is for the built app.
    appUrl: `${stack.appOrigin}${app.mode === 'dist' ? stack.basePath : '/'}`,
    close: () => closeAll(servers),
  }
}
