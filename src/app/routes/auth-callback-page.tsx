import { useEffect, useState } from 'react'
import { Navigate, useNavigate } from 'react-router'

import { AuthError, useAuth, useAuthClient } from '../../auth/react'
import { AlertPanel } from '../alert-panel'
import { DocumentTitle } from '../../components/document-title'
import { ProgressPanel } from '../../components/progress-panel'
import { AuthErrorAlert } from '../auth-error-alert'
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
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    if (!completion) {
      // Whatever arrived here (a replay, a response in the fragment) leaves the address bar.
      const { pathname, search, hash } = window.location
      if (search || hash) window.history.replaceState(window.history.state, '', pathname)
      return
    }
    let active = true
    completion.then(
      ({ returnTo }) => {
        if (active) void navigate(returnTo, { replace: true })
      },
      () => {
        // The reason is in the auth snapshot; the alert below shows it.
        if (active) setFailed(true)
      },
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
      <section className="stack">
        <DocumentTitle page="Sign-in did not complete" />
        <h1>Sign-in did not complete</h1>
        <AlertPanel
          title="Nothing to complete"
          message={invalid.message}
          fix={invalid.fix}
          code={invalid.code}
        >
          <SignInButton />
        </AlertPanel>
      </section>
    )
  }
  if (failed || error) {
    // Dismissed: nothing left to say here.
    if (!error) return <Navigate to="/" replace />
    return (
      <section className="stack">
        <DocumentTitle page="Sign-in did not complete" />
        <h1>Sign-in did not complete</h1>
        <AuthErrorAlert />
      </section>
    )
  }
  return (
    <>
      <DocumentTitle page="Signing you in" />
      <ProgressPanel title="Signing you in…" detail="Checking the answer from your provider." />
    </>
  )
}
