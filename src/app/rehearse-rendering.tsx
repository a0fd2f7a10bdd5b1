import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { startTransition, StrictMode, useEffect, useRef } from 'react'
import { createRoot } from 'react-dom/client'
import { createMemoryRouter, NavLink, Outlet, RouterProvider } from 'react-router'

import { AppShell } from '../components/app-shell'
import { ClaimsList } from '../components/claims-list'
import { StatusMessage } from '../components/status-message'

/**
 * Renders a page like the app's, off-screen, then throws it away: the libraries' render paths
 * (React's, the router's, the query hooks') are compiled on first call, and compiled code stays
 * with the renderer process. A page that is leaving for the provider rehearses, so the page the
 * provider sends back (usually in the same process) renders warm (ADR 0011).
 *
 * It touches nothing of the app: its own memory router and query client, a detached root, no
 * request, no storage, no document title.
 */
export function rehearseRendering(
  detached: HTMLElement = document.createElement('div'),
): Promise<void> {
  const queryClient = new QueryClient()
  const root = createRoot(detached)
  return new Promise((resolve) => {
    let done = false
    const rendered = () => {
      if (done) return
      done = true
      // Not from within the render's own effects: React cannot unmount a root mid-commit.
      setTimeout(() => {
        root.unmount()
        router.dispose()
        queryClient.clear()
        resolve()
      }, 0)
    }
    const router = createMemoryRouter([
      {
        element: <RehearsalLayout />,
        children: [{ index: true, element: <RehearsalPage onRendered={rendered} /> }],
      },
    ])
    // A transition renders in slices (about 5 ms each), yielding to the browser between them:
    // the navigation to the provider waits for one slice at most, not for the whole rehearsal.
    startTransition(() => {
      root.render(
        <StrictMode>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </StrictMode>,
      )
    })
  })
}

function RehearsalLayout() {
  const mainRef = useRef<HTMLElement>(null)
  return (
    <AppShell
      brand="Tessera"
      navigation={<NavLink to="/">Home</NavLink>}
      account={<button type="button">Sign out</button>}
      mainRef={mainRef}
    >
      <Outlet />
    </AppShell>
  )
}

function RehearsalPage({ onRendered }: { readonly onRendered: () => void }) {
  useEffect(onRendered, [onRendered])
  // Answered from initialData, fresh forever: the query hook renders, nothing is fetched.
  const answer = useQuery({
    queryKey: ['rehearsal'],
    queryFn: () => ({ name: 'rehearsal' }),
    initialData: { name: 'rehearsal' },
    staleTime: Infinity,
  })
  return (
    <section className="stack">
      <h1>Profile</h1>
      <StatusMessage>Asking the API who you are…</StatusMessage>
      <ClaimsList claims={answer.data} />
    </section>
  )
}
