import { type AuthErrorCode, useAuth, useAuthClient } from '../auth/react'
import { AlertPanel } from '../components/alert-panel'
import { SignInButton } from './sign-in-button'

const TITLES: Partial<Record<AuthErrorCode, string>> = {
  interaction_required: 'Please sign in again',
  third_party_cookies_blocked: 'Please sign in again',
  signed_out: 'Signed out',
}

/** Shows the auth client's last failure, with "Sign in" to retry. Nothing was stored. */
export function AuthErrorAlert() {
  const auth = useAuthClient()
  const { error } = useAuth()
  if (!error) return null
  return (
    <AlertPanel
      title={TITLES[error.code] ?? 'Sign-in failed'}
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
        onClick={() => {
          auth.dismissError()
        }}
      >
        Dismiss
      </button>
    </AlertPanel>
  )
}
