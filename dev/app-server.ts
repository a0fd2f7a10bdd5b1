/**
 * Starts servers in order and stops them in reverse, and the app's own server: the Vite dev
 * server or the static host of `dist/`, with the config.json it is given. `startAppAlone` is
 * `npm start -- --config <file>`: the app with a config.json of the user's, nothing else (and
 * none of the local provider's code loaded). dev/stack.ts adds the local provider and APIs.
 */
import { HOST } from './config'
import type { RunningServer } from './config'
import { startStaticSite } from './serve-dist'
import { startViteDevServer } from './vite-dev-server'

export type AppMode =
  { readonly mode: 'vite-dev' } | { readonly mode: 'dist'; readonly root: string }

export interface StartedStack {
  /** In start order: identity provider, APIs, app (or the app alone). */
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

function isPortInUse(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  // Node reports EADDRINUSE; Vite's strictPort check throws "Port N is already in use".
  return (
    (error as NodeJS.ErrnoException).code === 'EADDRINUSE' || /already in use/i.test(error.message)
  )
}

export async function closeAll(servers: readonly RunningServer[]): Promise<void> {
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

export interface StartStep {
  readonly service: string
  readonly port: number
  /** The environment variable that moves this service to another port. */
  readonly envVar: string
  start(): Promise<RunningServer>
}

/**
 * Runs `steps` in order. If one fails to start, the ones already running are closed and the
 * error is rethrown (a `PortInUseError` when its port is taken).
 */
export async function startInOrder(steps: readonly StartStep[]): Promise<RunningServer[]> {
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
  return servers
}

export interface AppOptions {
  readonly app: AppMode
  readonly port: number
  /** The built app's base path; the dev server always serves at the root. */
  readonly basePath: string
  /** What `config.json` answers. */
  readonly config: Record<string, unknown>
}

/** The step that starts the app: the dev server or the static host of dist/. */
export function appStep({ app, port, basePath, config }: AppOptions): StartStep {
  return {
    service: 'app',
    port,
    envVar: 'TESSERA_APP_PORT',
    start: () =>
      app.mode === 'vite-dev'
        ? startViteDevServer({ port, config })
        : startStaticSite({ root: app.root, port, host: HOST, basePath, config }),
  }
}

/** Where the app is served below its origin: a base path is for the built app only. */
export function appPath(app: AppMode, basePath: string): string {
  return app.mode === 'dist' ? basePath : '/'
}

/**
 * Starts the app alone, with `config` as its config.json and no local provider or API
 * (`npm start -- --config <file>`). A taken port is a `PortInUseError`.
 */
export async function startAppAlone(options: AppOptions): Promise<StartedStack> {
  const servers = await startInOrder([appStep(options)])
  return {
    servers,
    appUrl: `http://${HOST}:${String(options.port)}${appPath(options.app, options.basePath)}`,
    close: () => closeAll(servers),
  }
}
