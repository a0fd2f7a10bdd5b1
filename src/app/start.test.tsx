import { waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { createEngines } from '../bootstrap/engines'
import { createAuthFixture } from '../testing/auth-fixture'
import { startApp } from './start'

/** The React side of a page that just completed a sign-in returning to `returnTo`. */
async function afterSignIn(basename: string, returnTo: string) {
  const fixture = await createAuthFixture()
  await fixture.signIn()
  const prefix = basename === '/' ? '' : basename
  window.history.replaceState(null, '', `${prefix}/auth/callback`)
  const root = document.createElement('div')
  document.body.append(root)
  const engines = {
    ...createEngines(
      { config: fixture.options.config, clockOffsetMs: 0, deviceClockOffMs: 0 },
      `https://app.example.test${prefix}/`,
    ),
    auth: fixture.auth,
  }
  await startApp({ root, ...engines, completion: { returnTo, appState: undefined } })
  return { root, prefix, fixture }
}

describe('startApp', () => {
  it.each(['/', '/portal'])(
    'renders the page sign-in returns to at once, under the base path %s',
    async (basename) => {
      const { root, prefix } = await afterSignIn(basename, '/profile?tab=claims')

      expect(window.location.pathname + window.location.search).toBe(`${prefix}/profile?tab=claims`)
      await waitFor(() => {
        expect(root.querySelector('h1')?.textContent).toMatch(/profile/i)
      })
      // Its component was loaded before the first render: no loading state came first.
      expect(root.textContent).not.toContain('Loading Profile')
    },
  )

  it('asks the first page’s API beside loading its chunk, before React renders it', async () => {
    const { root, fixture } = await afterSignIn('/', '/profile')

    // startApp has resolved; React has not committed the page, so no effect of it has run.
    expect(root.querySelector('h1')).toBeNull()
    const apiCalls = fixture.provider.requests.filter((r) => r.url.startsWith('https://api.'))
    expect(apiCalls.map((r) => new URL(r.url).pathname)).toEqual(['/me'])
  })
})
