import { useEffect, useRef } from 'react'

import { AlertPanel } from '../alert-panel'
import { SignInButton } from '../sign-in-button'
import { formatDuration } from './countdown'

/**
 * Why the user is signed out: nobody used the app for the configured time. Its one action is
 * focused at once: the dialog that had focus is gone, or the page just came back from the
 * provider's sign-out.
 */
export function IdleSignedOutAlert({ timeoutMs }: { readonly timeoutMs: number }) {
  const action = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    action.current?.focus()
  }, [])
  return (
    <AlertPanel
      title="Signed out"
      message={`You were signed out after ${formatDuration(timeoutMs)} without activity.`}
      fix="This protects your account on a shared device. Sign in again to continue."
      code="idle_timeout"
    >
      <SignInButton ref={action} label="Sign in again" />
    </AlertPanel>
  )
}
