import { useQuery } from '@tanstack/react-query'

import { useAuth } from '../../auth/react'
import { DEMO_API, meQuery } from '../queries'
import { useApiEndpoint } from './use-api-endpoint'

/** The signed-in user as the demo API sees them (`GET /me`). */
export function useMe() {
  const endpoint = useApiEndpoint(DEMO_API)
  const { user } = useAuth()
  return useQuery(meQuery(endpoint, user?.sub))
}
