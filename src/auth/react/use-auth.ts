import { use, useSyncExternalStore } from 'react'

import type { AuthClient, AuthSnapshot } from '../core'
import { AuthContext } from './auth-context'

/** The auth client of the nearest {@link AuthProvider}; throws when there is none. */
export function useAuthClient(): AuthClient {
  const client = use(AuthContext)
  if (!client) throw new Error('useAuth must be used inside <AuthProvider client={…}>.')
  return client
}

/** The current sign-in state; re-renders when it changes. */
export function useAuth(): AuthSnapshot {
  const client = useAuthClient()
  return useSyncExternalStore(client.subscribe, client.getSnapshot, client.getSnapshot)
}
