import { queryOptions, useQuery } from '@tanstack/react-query'
import * as v from 'valibot'

import { useAuth } from '../../auth/react'
import { type ApiEndpoint, callApi } from '../client'
import { DEMO_API } from './api-names'
import { useApiEndpoint } from './use-api-endpoint'

const MeSchema = v.object({ sub: v.string(), name: v.string(), email: v.optional(v.string()) })

export type Me = v.InferOutput<typeof MeSchema>

export function meQueryOptions(endpoint: ApiEndpoint, sub: string | undefined) {
  return queryOptions({
    queryKey: [DEMO_API, sub, 'me'],
    queryFn: async ({ signal }) => v.parse(MeSchema, await callApi(endpoint, '/me', { signal })),
    enabled: sub !== undefined,
  })
}

/** The signed-in user as the demo API sees them (`GET /me`). */
export function useMe() {
  const endpoint = useApiEndpoint(DEMO_API)
  const { user } = useAuth()
  return useQuery(meQueryOptions(endpoint, user?.sub))
}
