/**
 * Starts the whole local stack in order: identity provider, demo API, then the app (Vite dev
 * server, or the static host serving `dist/`). Used by `npm start` (dev/start.ts); the app is
 * always handed a `config.json` generated from the stack, so the ports in the environment win.
 */
import { startDemoApi, startNotesApi } from './api/server'
import type { DevStack, RunningServer } from './config'
import { startIdentityProvider } from './idp/server'
import { profileOf, withProfile } from './profiles'
import { startStaticSite } from './serve-dist'
import { startViteDevServer } from './vite-dev-server'

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

function isPortInUse(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  // Node reports EADDRINUSE; Vite's strictPort check throws "Port N is already in use".
  return (
    (error as NodeJS.ErrnoException).code === 'EADDRINUSE' || /already in use/i.test(error.message)
  )
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
          ? startViteDevServer({ port: stack.appPort, config: profileOf(stack).appConfig(stack) })
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
