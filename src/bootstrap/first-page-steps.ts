import type { SignInCompletion } from '../auth/core'
import { appRoot } from './app-root'
import type { Engines } from './engines'
import { renderWhenSettled } from './first-render'

/** Renders the React app (a chunk index.html preloads) with the engines made before it. */
async function render(app: Engines, completion?: SignInCompletion): Promise<void> {
  const [{ startApp }, root] = await Promise.all([import('../app/start'), appRoot()])
  await startApp({ root, ...app, completion })
}

function show(app: Engines, completion?: SignInCompletion): void {
  render(app, completion).catch(failedToLoad)
}

/**
 * The redirect URI: redeems the code (the address bar is scrubbed at once), then renders the
 * page sign-in returns to; the callback page shows only when the provider is slow or refused.
 */
export function completeSignIn(app: Engines): void {
  let completion: SignInCompletion | undefined
  const redeemed = app.auth.handleCallback(window.location.href).then((completed) => {
    completion = completed
  })
  renderWhenSettled(redeemed, () => {
    show(app, completion)
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

/** Any other page: React renders it (its reads start beside its chunk, app/start.tsx). */
export function showPage(app: Engines): void {
  show(app)
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
