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
  // Read once: handleCallback scrubs the code and state from the address bar at once.
  const [callbackUrl] = useState(() => window.location.href)
  const isCallback = auth.isCallbackUrl(callbackUrl)

  useEffect(() => {
    if (!isCallback) return
    let active = true
    auth.handleCallback(callbackUrl).then(
      (returnTo) => {
        if (active) void navigate(returnTo, { replace: true })
      },
      () => undefined, // published in the auth snapshot and shown by the layout's alert
    )
    return () => {
      active = false
    }
  }, [auth, callbackUrl, isCallback, navigate])

  if (!isCallback) {
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
