import './styles.css'

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { createQueryClient } from './api/queries'
import { App } from './app/app'
import { ConfigErrorPage } from './app/config-error-page'
import { installDiagnostics } from './app/diagnostics'
import { createAppRouter } from './app/router'
import { AuthClient } from './auth/core'
import { ConfigError, loadConfig } from './config'

/**
 * Bootstrap, outside React: config.json → auth client → query client → router → render. Each
 * engine is created exactly once per page (SEC-35).
 */
async function main(root: HTMLElement): Promise<void> {
  const reactRoot = createRoot(root)
  const appBaseUrl = new URL(import.meta.env.BASE_URL, window.location.origin).href
  let config
  try {
    config = await loadConfig(new URL('config.json', appBaseUrl).href)
  } catch (error) {
    const configError =
      error instanceof ConfigError
        ? error
        : new ConfigError('config.json could not be read:', [{ path: '', message: String(error) }])
    console.error(`Tessera: ${configError.message}`)
    reactRoot.render(<ConfigErrorPage error={configError} />)
    return
  }

  const auth = new AuthClient({ config, appBaseUrl })
  const queryClient = createQueryClient()
  // SEC-26: nothing cached for one user may be shown to the next, or after sign-out.
  let currentSub = auth.getSnapshot().user?.sub
  auth.subscribe(() => {
    const sub = auth.getSnapshot().user?.sub
    if (sub !== currentSub) queryClient.clear()
    currentSub = sub
  })
  if (config.diagnostics) installDiagnostics(auth)
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) auth.resumeAfterNavigation()
  })

  const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/'
  const router = createAppRouter(config, basename)
  reactRoot.render(
    <StrictMode>
      <App auth={auth} queryClient={queryClient} router={router} />
    </StrictMode>,
  )
}

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element.')
void main(root)
