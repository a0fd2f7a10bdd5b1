import * as v from 'valibot'

import { callApi } from '../api/client'
import { defineRead } from '../api/queries'

const MeSchema = v.object({ sub: v.string(), name: v.string(), email: v.optional(v.string()) })

/** The signed-in user as the demo API sees them (`GET /me`). */
export const me = defineRead({
  api: 'demo',
  resource: ['me'],
  fetch: async (endpoint, { signal }) =>
    v.parse(MeSchema, await callApi(endpoint, '/me', { signal })),
})
