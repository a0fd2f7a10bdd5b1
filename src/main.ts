import './styles.css'

import { createQueryClient, installStepUp, registerTaskMutations } from './api/queries'
import { appRoot } from './app/app-root'
import { currentAppPath, deployBaseUrl, routerBasename } from './app/deploy-base'
import { renderWhenSettled } from './app/first-render'
import { requiresSignIn } from './app/paths'
import { preconnect } from './app/preconnect'
import { idleAhead } from './app/when-idle'
import { prefetchRouteData } from './app/route-data'
import { bindSessionToQueries } from './app/session-policies'
import type { AppRouter } from './app/start'
import { AuthClient, hasStoredSession, isAuthorizationResponse, preloadProtocol } from './auth/core'
import { ConfigError, deployWarnings, loadConfig } from './config'

/**
 * Bootstrap, before React is even evaluated: config.json → auth client → query client → the
 * work this page is for (redeem a code, leave for the provider, start the page's API request)
 * → the React app (`app/start.tsx`, a chunk index.html preloads). Each engine is created exactly
 * once per page (SEC-35). A signed-out deep link leaves for the provider without running React.
 */
async function main(): Promise<void> {
  // Signed out (or completing a sign-in): fetch the protocol code while config.json loads.
  if (!hasStoredSession(sessionStorage)) preloadProtocol().catch(() => undefined)
  const appBaseUrl = deployBaseUrl(
    import.meta.url,
    import.meta.env.DEV ? import.meta.env.BASE_URL : undefined,
  )
  let loaded
  try {
    // SEC-44: always the host's copy (index.html preloads it), so no token is ever sent under
    // a config.json the host no longer serves.
    loaded = await loadConfig(new URL('config.json', appBaseUrl).href)
  } catch (error) {
    scrubAuthorizationResponse() // SEC-12: a code must not outlive a page that cannot redeem it
    const configError =
      error instanceof ConfigError
        ? error
        : new ConfigError('config.json could not be read:', [{ path: '', message: String(error) }])
    console.error(`Tessera: ${configError.message}`)
    const [{ showConfigError }, root] = await Promise.all([import('./app/start'), appRoot()])
    showConfigError(root, configError)
    return
  }

  const { config, clockOffsetMs, deviceClockOffMs } = loaded
  const warnings = deployWarnings({ config, origin: window.location.origin, deviceClockOffMs })
  for (const { code, message, fix } of warnings)
    console.warn(`Tessera [${code}]: ${message} ${fix}`)
  const auth = new AuthClient({ config, appBaseUrl, now: () => Date.now() + clockOffsetMs })
  const basename = routerBasename(appBaseUrl)
  const queryClient = createQueryClient()
  registerTaskMutations(queryClient, auth)
  const stepUp = installStepUp(queryClient, auth, { returnTo: () => currentAppPath(basename) })
  bindSessionToQueries(auth, queryClient)
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) auth.resumeAfterNavigation()
  })
  /** The first page: where a sign-in returns to, and the API request it needs. */
  interface FirstPage {
    readonly returnTo?: string | undefined
    readonly pageData?: Promise<void> | undefined
    readonly routerAhead?: Promise<AppRouter> | undefined
  }
  const startApp = async (first: FirstPage = {}) => {
    const [{ startApp }, root] = await Promise.all([import('./app/start'), appRoot()])
    await startApp({ root, auth, config, queryClient, basename, warnings, ...first })
  }
  const show = (first?: FirstPage) => {
    startApp(first).catch(failedToLoad)
  }

  if (auth.isCallbackUrl(window.location.href)) {
    preconnect(Object.values(config.apis).map((api) => api.baseUrl))
    const completion = auth.handleCallback(window.location.href)
    completion.then(
      (completed) => stepUp.resume(completed),
      () => undefined, // the callback page shows the failure
    )
    // The main thread idles while the token request is in flight: evaluate the React app's
    // chunk and create its router (on the callback route) then, not after the answer. Rendering
    // then measured slower: the first render still waits for the answer (below).
    const routerAhead = idleAhead(() =>
      import('./app/start').then((app) => app.createAppRouter({ auth, queryClient }, basename)),
    )
    preloadProtocol().then(
      () => {
        routerAhead.schedule()
      },
      () => undefined,
    )
    // The page sign-in returns to asks its API as soon as the user is signed in, and React
    // renders only then (rendering would hold up the token response on the main thread); it
    // renders that page directly, or the callback page if the provider is slow or refused.
    let returnTo: string | undefined
    let pageData: Promise<void> | undefined
    const redeemed = completion.then((completed) => {
      returnTo = completed.returnTo
      pageData = prefetchRouteData({ auth, queryClient }, completed.returnTo)
    })
    renderWhenSettled(redeemed, () => {
      show({ returnTo, pageData, routerAhead: routerAhead.take() })
    })
    return
  }
  const appPath = currentAppPath(basename)
  if (auth.getSnapshot().status === 'signed-in') {
    preconnect(Object.values(config.apis).map((api) => api.baseUrl))
    await startApp({ pageData: prefetchRouteData({ auth, queryClient }, appPath) })
    return
  }
  preconnect([config.authority])
  // A signed-out deep link leaves for the provider now, and renders nothing unless it has to
  // (the provider is slow, a sibling tab signed this one in, or the attempt failed).
  // RequireAuth asks too, for later navigations; both share one sign-in.
  if (auth.getSnapshot().error === null && requiresSignIn(appPath, config)) {
    // Discovery goes without credentials and the navigation with them, on two connections:
    // open the navigation's too, while the protocol code and discovery load. Providers serve
    // their authorize endpoint from the authority's origin.
    preconnect([config.authority], 'navigation')
    const leaving = () => auth.getSnapshot().status === 'redirecting'
    const signingIn = auth.signIn({ returnTo: appPath })
    renderWhenSettled(signingIn, show, { leaving })
    // While the browser waits for the provider's page, run the React app's code and rehearse
    // a render: the callback page usually lands in this renderer process, whose V8 keeps what
    // it compiled, so the callback does not compile React cold after the token response
    // (ADR 0011).
    signingIn.then(
      () => {
        if (!leaving()) return
        import('./app/start').then((app) => app.rehearseRendering()).catch(() => undefined) // only a head start: nothing on this page needs it
      },
      () => undefined, // renderWhenSettled shows the failure
    )
    return
  }
  // A page that shows "Sign in" warms what signing in needs while the user reads it.
  auth.prefetch()
  await startApp()
}

/** Takes an authorization response's code and state out of the address bar and history. */
function scrubAuthorizationResponse(): void {
  const url = new URL(window.location.href)
  if (!isAuthorizationResponse(url)) return
  window.history.replaceState(window.history.state, '', url.pathname)
}

/** The app's code could not be loaded (offline, or a deploy replaced it): say so, plainly. */
function failedToLoad(error: unknown): void {
  console.error('Tessera could not load its code; reload the page.', error)
  appRoot().then(
    (root) => {
      const message = document.createElement('p')
      message.setAttribute('role', 'alert')
      message.textContent =
        'Tessera could not load. Check your connection, then reload the page (Ctrl+R or ⌘R).'
      root.replaceChildren(message)
    },
    (noRoot: unknown) => {
      console.error(noRoot)
    },
  )
}

main().catch(failedToLoad)
