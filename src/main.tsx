import './styles.css'

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { createQueryClient } from './api/queries'
import { App } from './app/app'
import { ConfigErrorPage } from './app/config-error-page'
import { installDiagnostics } from './app/diagnostics'
import { clearSessionDrafts } from './app/use-session-draft'
import { createAppRouter } from './app/router'
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
  const appBaseUrl = new URL(import.meta.env.BASE_URL, window.location.origin).href
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
  if (auth.isCallbackUrl(window.location.href)) {
    // Redeem the code now, not after React's first render; the callback page shares the promise.
    auth.handleCallback(window.location.href).catch(() => undefined)
  } else if (auth.getSnapshot().status !== 'signed-in') {
    auth.prefetch()
  }
  const queryClient = createQueryClient()
  // SEC-26: nothing cached for one user may be shown to the next, or after sign-out.
  let currentSub = auth.getSnapshot().user?.sub
  auth.subscribe(() => {
    const { user, error } = auth.getSnapshot()
    if (user?.sub !== currentSub) queryClient.clear()
    // A deliberate sign-out (here or in another tab) forgets drafts; an expired session keeps
    // them for the user's return.
    if (currentSub !== undefined && !user && error?.code !== 'interaction_required') {
      clearSessionDrafts()
    }
    currentSub = user?.sub
  })
  if (config.diagnostics) installDiagnostics(auth)
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) auth.resumeAfterNavigation()
  })

  const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/'
  const router = createAppRouter({ auth, queryClient }, basename)
  reactRoot.render(
    <StrictMode>
      <App auth={auth} queryClient={queryClient} router={router} />
    </StrictMode>,
  )
}

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element.')
void main(root)
