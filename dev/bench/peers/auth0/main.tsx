/**
 * The peer on @auth0/auth0-react (auth0-spa-js), written the way its README shows (its
 * defaults: tokens in memory, the session found again on a reload by a silent sign-in in a
 * hidden frame), around the shared pages. Its stack's provider plays Auth0 (dev/profiles/auth0.ts):
 * auth0-spa-js builds Auth0's endpoint paths itself rather than reading discovery.
 */
import { Auth0Provider, useAuth0, withAuthenticationRequired } from '@auth0/auth0-react'
import { type ReactNode, StrictMode, useMemo } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter, useNavigate } from 'react-router'

import { PEER_CONFIG, type PeerAuth, PeerAuthContext } from '../peer-auth'
import { PeerRoutes, ProfilePage } from '../peer-pages'

const origin = window.location.origin

/** The README's router integration: `onRedirectCallback` navigates to `appState.returnTo`. */
function Auth0WithRouter({ children }: { readonly children: ReactNode }) {
  const navigate = useNavigate()
  return (
    <Auth0Provider
      domain={PEER_CONFIG.authority}
      clientId={PEER_CONFIG.clientId}
      authorizationParams={{
        redirect_uri: `${origin}/auth/callback`,
        audience: PEER_CONFIG.apiUrl,
        scope: `openid profile email ${PEER_CONFIG.apiScope}`,
      }}
      onRedirectCallback={(appState) => {
        void navigate(appState?.returnTo ?? '/', { replace: true })
      }}
    >
      {children}
    </Auth0Provider>
  )
}

function Auth0PeerAuth({ children }: { readonly children: ReactNode }) {
  const { user, isLoading, loginWithRedirect, logout, getAccessTokenSilently } = useAuth0()
  const value = useMemo<PeerAuth>(
    () => ({
      isLoading,
      user: user ? { name: user.name ?? '', claims: user } : undefined,
      signIn: (returnTo) => void loginWithRedirect({ appState: { returnTo } }),
      signOut: () => void logout({ logoutParams: { returnTo: `${origin}/` } }),
      accessToken: async () => {
        const token = await getAccessTokenSilently()
        if (token === undefined) throw new Error('auth0-spa-js gave no access token')
        return token
      },
    }),
    [user, isLoading, loginWithRedirect, logout, getAccessTokenSilently],
  )
  return <PeerAuthContext value={value}>{children}</PeerAuthContext>
}

const Profile = withAuthenticationRequired(ProfilePage)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <Auth0WithRouter>
        <Auth0PeerAuth>
          <PeerRoutes Profile={Profile} />
        </Auth0PeerAuth>
      </Auth0WithRouter>
    </BrowserRouter>
  </StrictMode>,
)
