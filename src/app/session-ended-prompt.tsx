import { useEffect, useRef } from 'react'

import { type AuthError, isSignInRequired } from '../auth/react'
import { AlertPanel } from './alert-panel'
import { SignInButton } from './sign-in-button'

/**
 * The session ended under the user (expired, revoked, or signed out in another tab): one action,
 * "Sign in again", focused at once because the page under it was just replaced. After an expiry
 * the user's typed input is kept (session-drafts.ts) and the prompt says so; after a
 * deliberate sign-out elsewhere it was forgotten on purpose.
 */
export function SessionEndedPrompt({ error }: { readonly error: AuthError }) {
  const action = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    action.current?.focus()
  }, [error])

  const expired: boolean = isSignInRequired(error)
  const kept = 'Anything you typed on this page is kept: you will find it here after signing in.'
  return (
    <AlertPanel
      title={expired ? 'Please sign in again' : 'Signed out'}
      message={error.message}
      fix={
        // Blocked third-party cookies: the specific fix matters as much as the reassurance.
        expired
          ? error.code === 'interaction_required'
            ? kept
            : `${error.fix} ${kept}`
          : error.fix
      }
      code={error.code}
      detail={
        [error.providerError, error.providerErrorDescription].filter(Boolean).join(': ') ||
        undefined
      }
    >
      <SignInButton ref={action} label="Sign in again" />
    </AlertPanel>
  )
}
