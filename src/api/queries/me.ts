import * as v from 'valibot'

import { type ApiEndpoint, callApi } from '../client'
import { DEMO_API } from './api-names'

const MeSchema = v.object({ sub: v.string(), name: v.string(), email: v.optional(v.string()) })

export type Me = v.InferOutput<typeof MeSchema>

/** The signed-in user as the demo API sees them (`GET /me`). */
export function meQuery(endpoint: ApiEndpoint, sub: string | undefined) {
  return {
    queryKey: [DEMO_API, sub, 'me'] as const,
    queryFn: async ({ signal }: { signal: AbortSignal }): Promise<Me> =>
      v.parse(MeSchema, await callApi(endpoint, '/me', { signal })),
    enabled: sub !== undefined,
  }
}
