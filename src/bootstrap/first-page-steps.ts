import { startReads } from '../api/queries'
import { pagesFor } from '../pages'
import { appRoot } from './app-root'
import type { Engines } from './engines'
import { renderWhenSettled } from './first-render'
import { matchPage, type PageMatch } from './match-page'

/** What the first render is handed: the page sign-in returns to, and its reads in flight. */
export interface FirstRender {
  readonly returnTo?: string | undefined
  readonly pageData?: Promise<void> | undefined
}

/**
 * Starts what the page at `match` needs, in parallel: its component's chunk and, for a
 * signed-in user, its reads. Resolves when the reads settled; never rejects (the page shows a
 * failure).
 */
function startPage(app: Engines, match: PageMatch | undefined): Promise<void> | undefined {
  if (!match) return undefined
  match.page.component().catch(() => undefined) // the router loads it again and reports
  return startReads(app.queryClient, app.auth, match.page.reads ?? [], match.params)
}

/** Renders the React app (a chunk index.html preloads) with the engines made before it. */
async function render(app: Engines, first: FirstRender = {}): Promise<void> {
  const [{ startApp }, root] = await Promise.all([import('../app/start'), appRoot()])
  await startApp({ root, ...app, ...first })
}

function show(app: Engines, first?: FirstRender): void {
  render(app, first).catch(failedToLoad)
}

/**
 * The redirect URI: redeems the code (the address bar is scrubbed at once), then renders the
 * page sign-in returns to, its reads already started; the callback page shows only when the
 * provider is slow or refused. A write refused for a step-up is replayed once.
 */
export function completeSignIn(app: Engines): void {
  let first: FirstRender = {}
  const redeemed = app.auth.handleCallback(window.location.href).then((completion) => {
    void app.stepUp.resume(completion)
    const match = matchPage(pagesFor(app.config), completion.returnTo)
    first = { returnTo: completion.returnTo, pageData: startPage(app, match) }
  })
  renderWhenSettled(redeemed, () => {
    show(app, first)
  })
}

/**
 * A signed-out deep link: leaves for the provider at once and renders nothing, unless it has to
 * (the provider is slow, a sibling tab signed this one in, or the attempt failed).
 */
export function leaveForProvider(app: Engines, returnTo: string): void {
  const leaving = () => app.auth.getSnapshot().status === 'redirecting'
  renderWhenSettled(
    app.auth.signIn({ returnTo }),
    () => {
      show(app)
    },
    { leaving },
  )
}

/** Any other page: its reads and component start, then React renders it. */
export function showPage(app: Engines, match: PageMatch | undefined): void {
  show(app, { pageData: startPage(app, match) })
}

/** The app's code could not be loaded (offline, or a deploy replaced it): say so, plainly. */
export function failedToLoad(error: unknown): void {
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
