/**
 * Starts the whole local stack in order: identity provider, demo API, then the app (Vite dev
 * server, or the static host serving `dist/`). Used by `npm start` (dev/start.ts); the app is
 * always handed a `config.json` generated from the stack, so the ports in the environment win.
 */
import { startDemoApi, startNotesApi } from './api/server'
import { appPath, appStep, closeAll, startInOrder } from './app-server'
import type { AppMode, StartedStack } from './app-server'
import type { DevStack } from './config'
import { startIdentityProvider } from './idp/server'
import { profileOf, withProfile } from './profiles'

export { PortInUseError } from './app-server'
export type { AppMode, StartedStack } from './app-server'

/**
 * Starts the identity provider, the demo API and the app for `stack`. If one fails to start,
 * the ones already running are closed and the error is rethrown (a `PortInUseError` when its
 * port is taken).
 */
export async function startStack(requested: DevStack, app: AppMode): Promise<StartedStack> {
  const stack = withProfile(requested)
  const servers = await startInOrder([
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
    appStep({
      app,
      port: stack.appPort,
      basePath: stack.basePath,
      config: profileOf(stack).appConfig(stack),
    }),
  ])
  return {
    servers,
    appUrl: `${stack.appOrigin}${appPath(app, stack.basePath)}`,
    close: () => closeAll(servers),
  }
}
