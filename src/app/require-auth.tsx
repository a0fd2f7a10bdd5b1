import { type ReactNode, useEffect } from 'react'

import { useAuth, useAuthClient } from '../auth/react'
import { StatusMessage } from '../components/status-message'
import { useReturnPath } from './return-path'

/**
 * Renders `children` for a signed-in user. A signed-out visitor is sent to sign in and comes
 * back here; after a failure (e.g. session expired) the alert asks first instead of looping.
 */
export function RequireAuth({ children }: { readonly children: ReactNode }) {
  const auth = useAuthClient()
  const { status, error } = useAuth()
  const returnTo = useReturnPath()
  const mustSignIn = status === 'signed-out' && error === null

  useEffect(() => {
    if (mustSignIn) void auth.signIn({ returnTo })
  }, [auth, mustSignIn, returnTo])

  if (status === 'signed-in') return children
  if (error) return <p className="muted">Sign in to see this page.</p>
  return <StatusMessage>Redirecting you to sign in…</StatusMessage>
}
