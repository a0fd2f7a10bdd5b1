import { matchRoutes } from 'react-router'
import { describe, expect, it } from 'vitest'

import { matchPage } from '../bootstrap/match-page'
import { pagesFor } from '../pages'
import { testConfig } from '../testing/auth-fixture'
import { appRouteObjects, type PageHandle } from './router'

describe('the bootstrap matches pages as the router does', () => {
  it.each([
    ['/', false],
    ['/profile', false],
    ['/tasks?filter=open', false],
    ['/Profile/', false],
    ['/notes#top', false],
    ['/no-such-page', false],
    ['/auth/callback', false],
    ['/profiles', false],
    ['/diagnostics', false],
    ['/diagnostics', true],
  ])('at %s (diagnostics %s)', (path, diagnostics) => {
    const config = { ...testConfig('https://idp.example.test', 'spa'), diagnostics }
    const pathname = path.split(/[?#]/)[0] ?? ''
    const routerPage = matchRoutes(appRouteObjects(config), pathname)
      ?.map((match) => (match.route.handle as PageHandle | undefined)?.page)
      .findLast(Boolean)

    expect(matchPage(pagesFor(config), path)?.page).toBe(routerPage)
  })
})
