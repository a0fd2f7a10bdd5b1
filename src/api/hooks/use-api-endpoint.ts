import { useMemo } from 'react'

import { useAuthClient } from '../../auth/react'
import type { ApiEndpoint } from '../client'
import { apiEndpoint } from '../queries'

/** The endpoint for the configured API `name`, with its token getter bound to the auth client. */
export function useApiEndpoint(name: string): ApiEndpoint {
  const auth = useAuthClient()
  return useMemo(() => apiEndpoint(auth, name), [auth, name])
}
