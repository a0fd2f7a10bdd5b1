import type { ReactNode } from 'react'

import { RequireAuth } from '../auth/react'
import { StatusMessage } from '../components/status-message'
import { useReturnPath } from './return-path'

/** A page for signed-in users: its heading while the user is sent to sign in, or asked to. */
export function PageGuard({ title, children }: { title: string; children: ReactNode }) {
  const returnTo = useReturnPath()
  const heading = (status: ReactNode) => (
    <section className="stack">
      <h1>{title}</h1>
      {status}
    </section>
  )
  return (
    <RequireAuth
      returnTo={returnTo}
      signingIn={heading(<StatusMessage>Redirecting you to sign in…</StatusMessage>)}
      signInNeeded={heading(<p className="muted">Sign in to see this page.</p>)}
    >
      {children}
    </RequireAuth>
  )
}
