import { useMemo } from 'react'

import { useAuthClient } from '../../auth/react'
import type { ApiEndpoint } from '../client'

/** The endpoint for the configured API `name`, with its token getter bound to the auth client. */
export function useApiEndpoint(name: string): ApiEndpoint {
  const auth = useAuthClient()
  return useMemo(
    () => ({
      baseUrl: auth.api(name).baseUrl,
      getToken: () => auth.getAccessToken(name),
      invalidateToken: (token: string) => {
        auth.invalidateAccessToken(name, token)
      },
    }),
    [auth, name],
  )
}
