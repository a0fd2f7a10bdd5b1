import type { Ref } from 'react'

import { type SignInOptions, useAuth, useAuthClient } from '../auth/react'
import { useReturnPath } from './return-path'

interface SignInButtonProps {
  readonly label?: string
  /** Lets a prompt put focus on its one action. */
  readonly ref?: Ref<HTMLButtonElement>
  /** E.g. `prompt: 'login'` to authenticate afresh rather than reuse the provider's session. */
  readonly options?: Omit<SignInOptions, 'returnTo'>
}

/** Starts a sign-in that comes back to the current page. */
export function SignInButton({ label = 'Sign in', ref, options }: SignInButtonProps) {
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
        if (status !== 'redirecting') void auth.signIn({ ...options, returnTo })
      }}
    >
      {status === 'redirecting' ? 'Redirecting…' : label}
    </button>
  )
}
