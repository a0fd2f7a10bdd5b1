import { type ReactNode, useEffect } from 'react'

import { useAuth, useAuthClient } from './use-auth'

export interface RequireAuthProps {
  /** The app path to come back to after signing in (the router's current location). */
  readonly returnTo: string
  /** Shown while the user is being sent to sign in. */
  readonly signingIn?: ReactNode
  /**
   * Shown when the last attempt failed or the session ended: the app's alert explains it, and
   * the guard does not send the user round again by itself.
   */
  readonly signInNeeded?: ReactNode
  readonly children: ReactNode
}

/**
 * The route guard: renders `children` for a signed-in user. A signed-out visitor is sent to
 * sign in and comes back to `returnTo`; after a failure it waits for the user instead of looping.
 * Router-agnostic: pass the router's location as `returnTo`.
 */
export function RequireAuth({ returnTo, signingIn, signInNeeded, children }: RequireAuthProps) {
  const auth = useAuthClient()
  const { status, error } = useAuth()
  const mustSignIn = status === 'signed-out' && error === null

  useEffect(() => {
    if (mustSignIn) void auth.signIn({ returnTo })
  }, [auth, mustSignIn, returnTo])

  if (status === 'signed-in') return children
  return error ? signInNeeded : signingIn
}
