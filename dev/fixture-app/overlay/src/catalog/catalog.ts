import * as v from 'valibot'

import { callApi } from '../api/client'
import { defineRead } from '../api/queries'

/** Who the API this app calls "catalog" says the user is (the demo API's `GET /me`). */
export const account = defineRead({
  api: 'catalog',
  resource: ['account'],
  fetch: async (endpoint, { signal }) =>
    v.parse(v.object({ name: v.string() }), await callApi(endpoint, '/me', { signal })),
})
