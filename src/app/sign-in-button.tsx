import type { Ref } from 'react'

import { useAuth, useAuthClient } from '../auth/react'
import { preconnect } from '../bootstrap/preconnect'
import { useReturnPath } from './return-path'

interface SignInButtonProps {
  readonly label?: string
  /** Lets a prompt put focus on its one action. */
  readonly ref?: Ref<HTMLButtonElement>
}

/** Starts a sign-in that comes back to the current page. */
export function SignInButton({ label = 'Sign in', ref }: SignInButtonProps) {
  const auth = useAuthClient()
  const { status } = useAuth()
  const returnTo = useReturnPath()
  // The sign-in is a navigation to the provider, on a connection of its own (preconnect.ts):
  // open it while the pointer is on the button or it has focus, so the click skips a handshake.
  const warmUp = () => {
    preconnect([auth.config.authority], 'navigation')
  }
  return (
    <button
      ref={ref}
      type="button"
      className="primary"
      aria-disabled={status === 'redirecting'}
      onPointerEnter={warmUp}
      onFocus={warmUp}
      onClick={() => {
        if (status !== 'redirecting') void auth.signIn({ returnTo })
      }}
    >
      {status === 'redirecting' ? 'Redirecting…' : label}
    </button>
  )
}
