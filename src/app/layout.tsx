import { Link, NavLink, Outlet } from 'react-router'

import { useAuthClient } from '../auth/react'
import { AppShell } from '../components/app-shell'
import { AccountControls } from './account-controls'
import { AuthErrorAlert } from './auth-error-alert'
import { paths } from './paths'

export function Layout() {
  const { diagnostics } = useAuthClient().config
  return (
    <AppShell
      brand={<Link to={paths.home}>Tessera</Link>}
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
    >
      <AuthErrorAlert />
      <Outlet />
    </AppShell>
  )
}
