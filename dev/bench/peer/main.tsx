/**
 * The peer the bench measures Tessera against: react-oidc-context + oidc-client-ts, the fastest
 * and smallest peer in `../shared/research/perf-baseline.md`, written the way its README shows.
 * It renders the DOM the bench's flows look for (a banner with "Sign in"/"Sign out" and the
 * user's name; /profile with the demo API's answer), so the same flows time both apps. Its
 * config is built in (`__PEER__`), as the research's peers had it.
 */
import { type ReactNode, StrictMode, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { hasAuthParams, AuthProvider, useAuth } from 'react-oidc-context'
import { createBrowserRouter, Link, Outlet, RouterProvider, useLocation } from 'react-router'

declare const __PEER__: { authority: string; clientId: string; apiUrl: string; apiScope: string }

const origin = window.location.origin

function Banner(): ReactNode {
  const auth = useAuth()
  const location = useLocation()
  return (
    <header>
      <Link to="/">Home</Link> <Link to="/profile">Profile</Link>{' '}
      {auth.user ? (
        <>
          <span>{auth.user.profile.name}</span>{' '}
          <button type="button" onClick={() => void auth.signoutRedirect()}>
            Sign out
          </button>
        </>
      ) : (
        <button
          type="button"
          onClick={() => void auth.signinRedirect({ state: location.pathname })}
        >
          Sign in
        </button>
      )}
    </header>
  )
}

function Layout(): ReactNode {
  return (
    <>
      <Banner />
      <main>
        <Outlet />
      </main>
    </>
  )
}

function Profile(): ReactNode {
  const auth = useAuth()
  const token = auth.user?.access_token
  const [name, setName] = useState<string>()
  const needsSignIn = !hasAuthParams() && !auth.isAuthenticated && !auth.isLoading
  useEffect(() => {
    if (needsSignIn) void auth.signinRedirect({ state: '/profile' })
  }, [needsSignIn, auth])
  useEffect(() => {
    if (!token) return
    void fetch(`${__PEER__.apiUrl}/me`, { headers: { Authorization: `Bearer ${token}` } })
      .then((response) => response.json() as Promise<{ name: string }>)
      .then((me) => {
        setName(me.name)
      })
  }, [token])
  return (
    <section aria-labelledby="api-heading">
      <h1 id="api-heading">Profile</h1>
      {name}
    </section>
  )
}

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <p>Home</p> },
      { path: '/profile', element: <Profile /> },
      { path: '/auth/callback', element: <p>Signing in…</p> },
    ],
  },
])

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(
  <StrictMode>
    <AuthProvider
      authority={__PEER__.authority}
      client_id={__PEER__.clientId}
      redirect_uri={`${origin}/auth/callback`}
      post_logout_redirect_uri={`${origin}/`}
      scope={`openid profile email offline_access ${__PEER__.apiScope}`}
      extraQueryParams={{ resource: __PEER__.apiUrl }}
      onSigninCallback={(user) => {
        void router.navigate(typeof user?.state === 'string' ? user.state : '/', { replace: true })
      }}
    >
      <RouterProvider router={router} />
    </AuthProvider>
  </StrictMode>,
)
