import './styles.css'

import { currentAppPath, deployBaseUrl } from './bootstrap/deploy-base'
import { createEngines } from './bootstrap/engines'
import { planFirstPage } from './bootstrap/first-page'
import {
  completeSignIn,
  failedToLoad,
  leaveForProvider,
  showPage,
} from './bootstrap/first-page-steps'
import { readConfig } from './bootstrap/read-config'
import { pagesFor } from './pages'

/**
 * The bootstrap, before React is even loaded: config.json → the engines → the first page's
 * plan → its steps. A signed-out deep link leaves for the provider without loading React
 * (docs/decisions/0011-react-free-bootstrap.md).
 */
async function main(): Promise<void> {
  const baseUrl = deployBaseUrl(
    import.meta.url,
    import.meta.env.DEV ? import.meta.env.BASE_URL : undefined,
  )
  const loaded = await readConfig(baseUrl)
  if (!loaded) return
  const app = createEngines(loaded, baseUrl)
  const { status, error } = app.auth.getSnapshot()
  const plan = planFirstPage({
    isCallback: app.auth.isCallbackUrl(window.location.href),
    appPath: currentAppPath(app.basename),
    signedIn: status === 'signed-in',
    hasAuthError: error !== null,
    pages: pagesFor(app.config),
  })
  switch (plan.kind) {
    case 'complete-sign-in':
      completeSignIn(app)
      return
    case 'leave-for-provider':
      leaveForProvider(app, plan.returnTo)
      return
    case 'show-page':
      showPage(app)
  }
}

main().catch(failedToLoad)
