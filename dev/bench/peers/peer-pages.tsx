/**
 * The peers' pages: Tessera's own components, styles and markup for the header, `/` and
 * `/profile` (src/app/layout.tsx, src/app/routes/home-page.tsx, src/example/profile-page.tsx),
 * so what a peer renders costs what Tessera's does, and a difference in time is the auth
 * layer's. The API read is the plain `fetch` both libraries' READMEs show.
 */
import '../../../src/styles.css'

import { type ComponentType, useEffect, useState } from 'react'
import { Link, NavLink, Outlet, Route, Routes, useLocation } from 'react-router'

import { BRAND } from '../../../src/brand/brand'
import icon from '../../../src/brand/icon.svg'
import { AppShell } from '../../../src/components/app-shell'
import { ClaimsList } from '../../../src/components/claims-list'
import { DocumentTitle } from '../../../src/components/document-title'
import { ProgressPanel } from '../../../src/components/progress-panel'
import { StatusMessage } from '../../../src/components/status-message'
import { PEER_CONFIG, usePeerAuth } from './peer-auth'

/** Tessera's navigation with the bench's config (its example pages). */
const NAVIGATION = [
  { path: '/', title: 'Home' },
  { path: '/profile', title: 'Profile' },
  { path: '/tasks', title: 'Tasks' },
  { path: '/notes', title: 'Notes' },
] as const

function AccountControls() {
  const auth = usePeerAuth()
  const { pathname } = useLocation()
  if (auth.user) {
    return (
      <>
        <span className="user-name">{auth.user.name}</span>
        <button type="button" onClick={auth.signOut}>
          Sign out
        </button>
      </>
    )
  }
  if (auth.isLoading) return null
  return (
    <button
      type="button"
      className="primary"
      onClick={() => {
        auth.signIn(pathname)
      }}
    >
      Sign in
    </button>
  )
}

function Layout() {
  const { pathname } = useLocation()
  const page = NAVIGATION.find((entry) => entry.path === pathname)
  return (
    <AppShell
      brand={
        <Link to="/">
          <img className="brand-mark" src={icon} alt="" />
          {BRAND.name}
        </Link>
      }
      navigation={NAVIGATION.map((entry) => (
        <NavLink key={entry.path} to={entry.path} end={entry.path === '/'}>
          {entry.title}
        </NavLink>
      ))}
      account={<AccountControls />}
    >
      <DocumentTitle page={page && page.path !== '/' ? page.title : undefined} />
      <Outlet />
    </AppShell>
  )
}

function HomePage() {
  const { user } = usePeerAuth()
  return (
    <section className="stack">
      <h1>{user ? `Welcome back, ${user.name}` : `Welcome to ${BRAND.name}`}</h1>
      <p className="lead">{BRAND.tagline}</p>
      {user ? (
        <ul className="links" aria-label="Your pages">
          {NAVIGATION.filter((entry) => entry.path !== '/').map((entry) => (
            <li key={entry.path}>
              <Link to={entry.path}>{entry.title}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>Sign in to see your pages.</p>
      )}
    </section>
  )
}

interface Me {
  readonly name: string
  readonly email?: string
}

/** `/profile`: the demo API's answer and the ID token's claims. */
export function ProfilePage() {
  const { user, accessToken } = usePeerAuth()
  const [me, setMe] = useState<Me>()
  const [failed, setFailed] = useState<string>()
  useEffect(() => {
    let active = true
    accessToken()
      .then((token) =>
        fetch(`${PEER_CONFIG.apiUrl}/me`, { headers: { Authorization: `Bearer ${token}` } }),
      )
      .then(async (response) => {
        if (!response.ok) throw new Error(`the demo API answered ${String(response.status)}`)
        return (await response.json()) as Me
      })
      .then(
        (answer) => {
          if (active) setMe(answer)
        },
        (error: unknown) => {
          if (active) setFailed(String(error))
        },
      )
    return () => {
      active = false
    }
  }, [accessToken])
  return (
    <section className="stack">
      <h1>Profile</h1>
      <p className="lead">Who you are, as the demo API and your ID token see it.</p>
      <section aria-labelledby="api-heading" className="card">
        <h2 id="api-heading">From the demo API</h2>
        {me || failed ? null : <StatusMessage>Asking the API who you are…</StatusMessage>}
        {failed ? (
          <p role="alert" className="alert">
            {failed}
          </p>
        ) : null}
        {me ? (
          <dl className="claims">
            <div className="claim">
              <dt>Name</dt>
              <dd>{me.name}</dd>
            </div>
            <div className="claim">
              <dt>Email</dt>
              <dd>{me.email ?? '—'}</dd>
            </div>
          </dl>
        ) : null}
      </section>
      <section aria-labelledby="claims-heading" className="card">
        <h2 id="claims-heading">ID token claims</h2>
        {user ? <ClaimsList claims={user.claims} /> : null}
      </section>
    </section>
  )
}

/**
 * The peers' routes. `Profile` is `ProfilePage` behind the library's own sign-in guard;
 * the callback URL shows a progress panel while the library redeems the code.
 */
export function PeerRoutes({ Profile }: { readonly Profile: ComponentType }) {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="/profile" element={<Profile />} />
        <Route path="/auth/callback" element={<ProgressPanel title="Signing you in…" />} />
        <Route path="*" element={<p>Not a page of the bench's peer.</p>} />
      </Route>
    </Routes>
  )
}
