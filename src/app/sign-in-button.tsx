import type { Ref } from 'react'

import { useAuth, useAuthClient } from '../auth/react'
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
  return (
    <button
      ref={ref}
      type="button"
      className="primary"
      aria-disabled={status === 'redirecting'}
      onClick={() => {
        if (status !== 'redirecting') void auth.signIn({ returnTo })
      }}
    >
      {status === 'redirecting' ? 'Redirecting…' : label}
    </button>
  )
}
