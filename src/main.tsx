import './styles.css'

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { createQueryClient, registerTaskMutations } from './api/queries'
import { App } from './app/app'
import { ConfigErrorPage } from './app/config-error-page'
import { deployBaseUrl, routerBasename } from './app/deploy-base'
import { installDiagnostics } from './app/diagnostics'
import { preconnect } from './app/preconnect'
import { bindSessionToQueries, completeSignIn, startStepUp } from './app/session-policies'
import { createAppRouter, requiresSignIn } from './app/router'
import { AuthClient, hasStoredSession, preloadProtocol } from './auth/core'
import { ConfigError, loadConfig } from './config'

/**
 * Bootstrap, outside React: config.json → auth client → query client → router → render. Each
 * engine is created exactly once per page (SEC-35).
 */
async function main(root: HTMLElement): Promise<void> {
  // Signed out (or completing a sign-in): fetch the protocol code while config.json loads.
  if (!hasStoredSession(sessionStorage)) preloadProtocol().catch(() => undefined)
  const reactRoot = createRoot(root)
  const appBaseUrl = deployBaseUrl(
    import.meta.url,
    import.meta.env.DEV ? import.meta.env.BASE_URL : undefined,
  )
  let loaded
  try {
    loaded = await loadConfig(new URL('config.json', appBaseUrl).href)
  } catch (error) {
    const configError =
      error instanceof ConfigError
        ? error
        : new ConfigError('config.json could not be read:', [{ path: '', message: String(error) }])
    console.error(`Tessera: ${configError.message}`)
    reactRoot.render(<ConfigErrorPage error={configError} />)
    return
  }

  const { config, clockOffsetMs } = loaded
  const auth = new AuthClient({ config, appBaseUrl, now: () => Date.now() + clockOffsetMs })
  const basename = routerBasename(appBaseUrl)
  const queryClient = createQueryClient({
    onStepUp: (request) => {
      startStepUp(auth, request, appPath(basename))
    },
  })
  registerTaskMutations(queryClient, auth)
  bindSessionToQueries(auth, queryClient)
  if (auth.isCallbackUrl(window.location.href)) {
    completeSignIn(auth, queryClient, window.location.href)
  } else if (auth.getSnapshot().status !== 'signed-in') {
    preconnect([config.authority])
    auth.prefetch()
  }
  if (auth.getSnapshot().status === 'signed-in' || auth.isCallbackUrl(window.location.href)) {
    preconnect(Object.values(config.apis).map((api) => api.baseUrl))
  }
  if (config.diagnostics) installDiagnostics(auth)
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) auth.resumeAfterNavigation()
  })

  const router = createAppRouter({ auth, queryClient }, basename)
  // A signed-out deep link leaves for the provider now, not after React's first render
  // (RequireAuth asks too, for later navigations; both share one sign-in).
  const { status, error } = auth.getSnapshot()
  if (status === 'signed-out' && error === null && requiresSignIn(router)) {
    void auth.signIn({ returnTo: appPath(basename) })
  }
  reactRoot.render(
    <StrictMode>
      <App auth={auth} queryClient={queryClient} router={router} />
    </StrictMode>,
  )
}

/** The current location as a router path (without the deploy base path). */
function appPath(basename: string): string {
  const { pathname, search, hash } = window.location
  const path =
    basename !== '/' && pathname.startsWith(basename) ? pathname.slice(basename.length) : pathname
  return `${path || '/'}${search}${hash}`
}

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element.')
void main(root)
