import { useEffect, useState } from 'react'
import { useNavigate } from 'react-router'

import { AuthError, useAuth, useAuthClient } from '../../auth/react'
import { AlertPanel } from '../../components/alert-panel'
import { StatusMessage } from '../../components/status-message'
import { SignInButton } from '../sign-in-button'

/** The redirect handler: redeems the code once, then returns to where sign-in started. */
export function AuthCallbackPage() {
  const auth = useAuthClient()
  const { error } = useAuth()
  const navigate = useNavigate()
  // Usually bootstrap already started redeeming the code (and scrubbed the address bar);
  // handleCallback is idempotent per response, so StrictMode's double call is harmless.
  const [completion] = useState(() =>
    auth.isCallbackUrl(window.location.href)
      ? auth.handleCallback(window.location.href)
      : auth.callbackInProgress(),
  )

  useEffect(() => {
    if (!completion) {
      // Whatever arrived here (a replay, a response in the fragment) leaves the address bar.
      const { pathname, search, hash } = window.location
      if (search || hash) window.history.replaceState(window.history.state, '', pathname)
      return
    }
    let active = true
    completion.then(
      (returnTo) => {
        if (active) void navigate(returnTo, { replace: true })
      },
      () => undefined, // published in the auth snapshot and shown by the layout's alert
    )
    return () => {
      active = false
    }
  }, [completion, navigate])

  if (!completion) {
    const invalid = new AuthError('callback_invalid', {
      message: 'This address is only used to complete a sign-in, and it has no sign-in response.',
    })
    return (
      <AlertPanel
        title="Nothing to complete"
        message={invalid.message}
        fix={invalid.fix}
        code={invalid.code}
      >
        <SignInButton />
      </AlertPanel>
    )
  }
  if (error) return <h1>Sign-in did not complete</h1>
  return <StatusMessage>Signing you in…</StatusMessage>
}
