import type { ReactNode } from 'react'

import type { AuthClient } from '../core'
import { AuthContext } from './auth-context'

/**
 * Makes `client` available to the hooks below it. The client is created once, outside React
 * (SEC-35), and passed in: a provider never builds its own engine from props.
 */
export function AuthProvider({ client, children }: { client: AuthClient; children: ReactNode }) {
  return <AuthContext value={client}>{children}</AuthContext>
}
