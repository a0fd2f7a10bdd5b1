import { useAuth, useAuthClient } from '../auth/react'
import { useReturnPath } from './return-path'

/** Starts a sign-in that comes back to the current page. */
export function SignInButton({ label = 'Sign in' }: { readonly label?: string }) {
  const auth = useAuthClient()
  const { status } = useAuth()
  const returnTo = useReturnPath()
  return (
    <button
      type="button"
      className="primary"
      aria-disabled={status === 'redirecting'}
      onClick={() => {
        if (status !== 'redirecting') void auth.signIn({ returnTo })
      }}
    >
      {label}
    </button>
  )
}
