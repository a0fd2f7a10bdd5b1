import { Link } from 'react-router'

import { isSignInRequired, useAuth, useAuthClient } from '../auth/react'
import { AlertPanel } from './alert-panel'
import { useAppConfig } from './app-config'
import { SessionEndedPrompt } from './session-ended-prompt'
import { SignInButton } from './sign-in-button'

/** Shows the auth client's last failure, with the one action that helps. Nothing was stored. */
export function AuthErrorAlert() {
  const auth = useAuthClient()
  const { error, user } = useAuth()
  const { diagnostics } = useAppConfig()
  if (!error) return null
  const signInRequired: boolean = isSignInRequired(error) // not a guard: `error` is an AuthError
  const sessionEnded = signInRequired || error.code === 'signed_out'
  if (sessionEnded) {
    return <SessionEndedPrompt error={error} />
  }
  const dismiss = (label: string, primary: boolean) => (
    <button
      type="button"
      className={primary ? 'primary' : 'quiet'}
      onClick={() => {
        auth.dismissError()
      }}
    >
      {label}
    </button>
  )
  // A refused step-up leaves the user signed in as before: carrying on is the way out.
  const steppedUp = user !== null
  return (
    <AlertPanel
      title={steppedUp ? 'Could not confirm it’s you' : 'Sign-in failed'}
      message={error.message}
      fix={
        steppedUp ? 'You are still signed in; try the action again when you are ready.' : error.fix
      }
      code={error.code}
      detail={
        [error.providerError, error.providerErrorDescription].filter(Boolean).join(': ') ||
        undefined
      }
    >
      {steppedUp ? (
        dismiss('Continue', true)
      ) : (
        <>
          <SignInButton />
          {dismiss('Dismiss', false)}
          {diagnostics ? <Link to="/diagnostics">Open the sign-in debugger</Link> : null}
        </>
      )}
    </AlertPanel>
  )
}
