import { lazy, Suspense, useRef } from 'react'
import { Link, NavLink, Outlet, useLocation, useMatch } from 'react-router'

import { BRAND } from '../brand/brand'
import icon from '../brand/icon.svg'
import { AppShell } from '../components/app-shell'
import { matchPage } from '../bootstrap/match-page'
import { DocumentTitle } from '../components/document-title'
import { pagesFor } from '../pages'
import { useAuth } from '../auth/react'
import { AccountControls } from './account-controls'
import { useAppConfig } from './app-config'
import { AuthErrorAlert } from './auth-error-alert'
import { DeployWarnings } from './deploy-warnings'
import { useIdleSignOut, useIdleSignOutView } from './idle-sign-out/idle-context'
import { useFocusOnNavigation } from './use-focus-on-navigation'

// A chunk of its own: only sessions with a known end (session-end.ts) load it.
const SessionEndWarning = lazy(() =>
  import('./session-end-warning').then(({ SessionEndWarning }) => ({ default: SessionEndWarning })),
)

// A chunk of its own: only where config.json turns idle sign-out on.
const IdleSignOutViews = lazy(() =>
  import('./idle-sign-out/idle-views').then(({ IdleSignOutViews }) => ({
    default: IdleSignOutViews,
  })),
)

export function Layout() {
  const config = useAppConfig()
  const mainRef = useRef<HTMLElement>(null)
  useFocusOnNavigation(mainRef)
  // The same matcher as the bootstrap's (router.test.tsx holds it to the router's).
  const page = matchPage(pagesFor(config), useLocation().pathname)?.page
  // The callback page shows a failed sign-in under its own heading.
  const onCallback = useMatch(config.redirectPath) !== null
  const { sessionEnd } = useAuth()
  const idle = useIdleSignOut()
  // Signed out for inactivity: that is the reason to show, not the sibling tab's sign-out.
  const signedOutIdle = useIdleSignOutView(idle).kind === 'signed-out'
  return (
    <AppShell
      brand={
        <Link to="/">
          <img className="brand-mark" src={icon} alt="" />
          {BRAND.name}
        </Link>
      }
      navigation={pagesFor(config)
        .filter((navPage) => !navPage.hidden)
        .map((navPage) => (
          <NavLink key={navPage.path} to={navPage.path} end={navPage.path === '/'}>
            {navPage.title}
          </NavLink>
        ))}
      account={<AccountControls />}
      mainRef={mainRef}
    >
      {page ? <DocumentTitle page={page.path === '/' ? undefined : page.title} /> : null}
      <DeployWarnings />
      {sessionEnd ? (
        <Suspense fallback={null}>
          <SessionEndWarning />
        </Suspense>
      ) : null}
      {idle ? (
        <Suspense fallback={null}>
          <IdleSignOutViews idle={idle} />
        </Suspense>
      ) : null}
      {onCallback || signedOutIdle ? null : <AuthErrorAlert />}
      <Outlet />
    </AppShell>
  )
}
