import { useEffect } from 'react'
import { useMatch } from 'react-router'

import { useAuth, useAuthClient } from '../auth/react'
import { StatusMessage } from '../components/status-message'
import { SignInButton } from './sign-in-button'
import { whenIdle } from '../bootstrap/when-idle'

/** The header's account area: the user's name and "Sign out", or "Sign in". */
export function AccountControls() {
  const auth = useAuthClient()
  const { status, user, error } = useAuth()
  const onCallback = useMatch(auth.config.redirectPath) !== null

  useEffect(() => {
    if (status !== 'signed-out') return
    // Warm the sign-in code and discovery while the user reads the page.
    return whenIdle(() => {
      auth.prefetch()
    })
  }, [auth, status])

  if (user) {
    return (
      <>
        <span className="user-name">{user.name}</span>
        <button type="button" onClick={() => void auth.signOut()}>
          Sign out
        </button>
      </>
    )
  }
  // Leaving for the provider (sign-in or sign-out): say so rather than offer "Sign in".
  if (status === 'redirecting') return <StatusMessage>Redirecting…</StatusMessage>
  // The callback page is signing the user in: offering "Sign in" there would only confuse.
  if (onCallback && !error) return null
  return <SignInButton />
}
