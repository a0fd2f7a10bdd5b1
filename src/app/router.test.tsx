import { createMemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'

import { createQueryClient } from '../api/queries'
import { createAuthFixture } from '../testing/auth-fixture'
import { requiresSignIn } from './paths'
import { appRoutes, SIGNED_IN_ONLY } from './router'

async function routerAt(path: string, diagnostics = false) {
  const fixture = await createAuthFixture()
  const config = { ...fixture.auth.config, diagnostics }
  const auth = Object.assign(Object.create(fixture.auth) as typeof fixture.auth, { config })
  const routes = appRoutes({ auth, queryClient: createQueryClient() })
  return createMemoryRouter(routes, { initialEntries: [path] })
}

/** What the router itself says: does the page it matched need a signed-in user? */
async function routerGuards(path: string, diagnostics = false): Promise<boolean> {
  const router = await routerAt(path, diagnostics)
  return router.state.matches.some((match) => match.route.handle === SIGNED_IN_ONLY)
}

describe('requiresSignIn (bootstrap signs a deep link in before loading React)', () => {
  it.each(['/profile', '/tasks?filter=open', '/notes', '/Profile/', '/notes#top'])(
    'is true on %s, as the router guards it',
    async (path) => {
      expect(await routerGuards(path)).toBe(true)
      expect(requiresSignIn(path, { diagnostics: false })).toBe(true)
    },
  )

  it.each(['/', '/no-such-page', '/auth/callback', '/profiles', '/diagnostics'])(
    'is false on %s, as the router does not guard it',
    async (path) => {
      expect(await routerGuards(path)).toBe(false)
      expect(requiresSignIn(path, { diagnostics: false })).toBe(false)
    },
  )

  it('follows the diagnostics page in and out of the router', async () => {
    expect(await routerGuards('/diagnostics', true)).toBe(true)
    expect(requiresSignIn('/diagnostics', { diagnostics: true })).toBe(true)
  })
})
