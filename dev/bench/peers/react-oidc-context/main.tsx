/**
 * The peer on react-oidc-context + oidc-client-ts, written the way react-oidc-context's README
 * shows (its defaults: session storage, automatic silent renewal), around the shared pages.
 */
import { type ReactNode, StrictMode, useCallback, useMemo } from 'react'
import { createRoot } from 'react-dom/client'
import { AuthProvider, useAuth, withAuthenticationRequired } from 'react-oidc-context'
import { BrowserRouter, useNavigate } from 'react-router'

import { PEER_CONFIG, type PeerAuth, PeerAuthContext } from '../peer-auth'
import { PeerRoutes, ProfilePage } from '../peer-pages'

const origin = window.location.origin

/** The README's `onSigninCallback`, through the router: back where sign-in started. */
function OidcProvider({ children }: { readonly children: ReactNode }) {
  const navigate = useNavigate()
  return (
    <AuthProvider
      authority={PEER_CONFIG.authority}
      client_id={PEER_CONFIG.clientId}
      redirect_uri={`${origin}/auth/callback`}
      post_logout_redirect_uri={`${origin}/`}
      scope={`openid profile email offline_access ${PEER_CONFIG.apiScope}`}
      extraQueryParams={{ resource: PEER_CONFIG.apiUrl }}
      onSigninCallback={(user) => {
        void navigate(typeof user?.state === 'string' ? user.state : '/', { replace: true })
      }}
    >
      {children}
    </AuthProvider>
  )
}

function OidcPeerAuth({ children }: { readonly children: ReactNode }) {
  const auth = useAuth()
  const { user, isLoading } = auth
  const token = user?.access_token
  // The README reads `user.access_token`; one function per token, so a page asks once.
  const accessToken = useCallback(
    () => (token ? Promise.resolve(token) : Promise.reject(new Error('signed out'))),
    [token],
  )
  const value = useMemo<PeerAuth>(
    () => ({
      isLoading,
      user: user ? { name: user.profile.name ?? '', claims: user.profile } : undefined,
      signIn: (returnTo) => void auth.signinRedirect({ state: returnTo }),
      signOut: () => void auth.signoutRedirect(),
      accessToken,
    }),
    [auth, user, isLoading, accessToken],
  )
  return <PeerAuthContext value={value}>{children}</PeerAuthContext>
}

const Profile = withAuthenticationRequired(ProfilePage, {
  signinRedirectArgs: { state: '/profile' },
})

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <OidcProvider>
        <OidcPeerAuth>
          <PeerRoutes Profile={Profile} />
        </OidcPeerAuth>
      </OidcProvider>
    </BrowserRouter>
  </StrictMode>,
)
