import { useAuth, useAuthClient } from '../auth/react'
import { AlertPanel } from '../components/alert-panel'
import { SessionEndedPrompt } from './session-ended-prompt'
import { SignInButton } from './sign-in-button'

/** Shows the auth client's last failure, with "Sign in" to retry. Nothing was stored. */
export function AuthErrorAlert() {
  const auth = useAuthClient()
  const { error } = useAuth()
  if (!error) return null
  if (error.code === 'interaction_required' || error.code === 'signed_out') {
    return <SessionEndedPrompt error={error} />
  }
  return (
    <AlertPanel
      title="Sign-in failed"
      message={error.message}
      fix={error.fix}
      code={error.code}
      detail={
        [error.providerError, error.providerErrorDescription].filter(Boolean).join(': ') ||
        undefined
      }
    >
      <SignInButton />
      <button
        type="button"
        className="quiet"
        onClick={() => {
          auth.dismissError()
        }}
      >
        Dismiss
      </button>
    </AlertPanel>
  )
}
