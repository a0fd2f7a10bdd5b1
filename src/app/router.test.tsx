import { createMemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'

import { createQueryClient } from '../api/queries'
import { createAuthFixture } from '../testing/auth-fixture'
import { appRoutes, requiresSignIn } from './router'

async function routerAt(path: string) {
  const fixture = await createAuthFixture()
  const routes = appRoutes({ auth: fixture.auth, queryClient: createQueryClient() })
  return createMemoryRouter(routes, { initialEntries: [path] })
}

describe("requiresSignIn (main.tsx starts a signed-out deep link's sign-in before rendering)", () => {
  it.each(['/profile', '/tasks?filter=open', '/notes'])('is true on %s', async (path) => {
    expect(requiresSignIn(await routerAt(path))).toBe(true)
  })

  it.each(['/', '/no-such-page', '/auth/callback'])('is false on %s', async (path) => {
    expect(requiresSignIn(await routerAt(path))).toBe(false)
  })
})
