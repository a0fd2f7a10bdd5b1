import { useMatch } from 'react-router'

import { useAuth } from '../auth/react'
import { StatusMessage } from '../components/status-message'
import { AccountMenu } from './account-menu'
import { useAppConfig } from './app-config'
import { SignInButton } from './sign-in-button'

/** The header's account area: the user's account menu, or "Sign in". */
export function AccountControls() {
  const { status, user, error } = useAuth()
  const onCallback = useMatch(useAppConfig().redirectPath) !== null

  if (user) return <AccountMenu user={user} />
  // Leaving for the provider (sign-in or sign-out): say so rather than offer "Sign in".
  if (status === 'redirecting') return <StatusMessage>Redirecting…</StatusMessage>
  // The callback page is signing the user in: offering "Sign in" there would only confuse.
  if (onCallback && !error) return null
  return <SignInButton />
}
