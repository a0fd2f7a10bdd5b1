import { useRef } from 'react'
import { Link, NavLink, Outlet, useMatch } from 'react-router'

import { useAuthClient } from '../auth/react'
import { AppShell } from '../components/app-shell'
import { AccountControls } from './account-controls'
import { AuthErrorAlert } from './auth-error-alert'
import { DeployWarnings } from './deploy-warnings'
import { paths } from './paths'
import { useFocusOnNavigation } from './use-focus-on-navigation'

export function Layout() {
  const { diagnostics, redirectPath } = useAuthClient().config
  const mainRef = useRef<HTMLElement>(null)
  useFocusOnNavigation(mainRef)
  // The callback page shows a failed sign-in under its own heading.
  const onCallback = useMatch(redirectPath) !== null
  return (
    <AppShell
      brand={
        <Link to={paths.home}>
          <span className="brand-mark" aria-hidden="true" />
          Tessera
        </Link>
      }
      navigation={
        <>
          <NavLink to={paths.home} end>
            Home
          </NavLink>
          <NavLink to={paths.profile}>Profile</NavLink>
          <NavLink to={paths.tasks}>Tasks</NavLink>
          <NavLink to={paths.notes}>Notes</NavLink>
          {diagnostics ? <NavLink to={paths.diagnostics}>Diagnostics</NavLink> : null}
        </>
      }
      account={<AccountControls />}
      mainRef={mainRef}
    >
      <DeployWarnings />
      {onCallback ? null : <AuthErrorAlert />}
      <Outlet />
    </AppShell>
  )
}
