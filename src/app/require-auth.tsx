import { type ReactNode, useEffect } from 'react'

import { useAuth, useAuthClient } from '../auth/react'
import { DocumentTitle } from '../components/document-title'
import { StatusMessage } from '../components/status-message'
import { useReturnPath } from './return-path'

interface RequireAuthProps {
  /** The page's name: its heading while the user is not signed in. */
  readonly title: string
  readonly children: ReactNode
}

/**
 * Renders `children` for a signed-in user. A signed-out visitor is sent to sign in and comes
 * back here; after a failure (e.g. session expired) the alert asks first instead of looping.
 */
export function RequireAuth({ title, children }: RequireAuthProps) {
  const auth = useAuthClient()
  const { status, error } = useAuth()
  const returnTo = useReturnPath()
  const mustSignIn = status === 'signed-out' && error === null

  useEffect(() => {
    if (mustSignIn) void auth.signIn({ returnTo })
  }, [auth, mustSignIn, returnTo])

  if (status === 'signed-in') return children
  return (
    <section className="stack">
      <DocumentTitle page={title} />
      <h1>{title}</h1>
      {error ? (
        <p className="muted">Sign in to see this page.</p>
      ) : (
        <StatusMessage>Redirecting you to sign in…</StatusMessage>
      )}
    </section>
  )
}
