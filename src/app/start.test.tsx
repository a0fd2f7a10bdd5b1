import { waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { createQueryClient } from '../api/queries'
import { createAuthFixture } from '../testing/auth-fixture'
import { PAGE_DATA_PATIENCE_MS } from '../bootstrap/first-render'
import { createEngines } from '../bootstrap/engines'
import { startApp } from './start'

function deferred() {
  let resolve: () => void = () => undefined
  const promise = new Promise<void>((res) => {
    resolve = res
  })
  return { promise, resolve }
}

async function signedInStart(
  pageData: Promise<void>,
  { basename = '/', returnTo }: { basename?: string; returnTo?: string } = {},
) {
  const fixture = await createAuthFixture()
  await fixture.signIn()
  // A reload of the home page, or the callback page that returns to `returnTo`.
  const prefix = basename === '/' ? '' : basename
  window.history.replaceState(
    null,
    '',
    `${prefix}${returnTo === undefined ? '/' : '/auth/callback'}`,
  )
  const root = document.createElement('div')
  document.body.append(root)
  const engines = {
    ...createEngines(
      { config: fixture.options.config, clockOffsetMs: 0, deviceClockOffMs: 0 },
      `https://app.example.test${prefix}/`,
    ),
    auth: fixture.auth,
    queryClient: createQueryClient(),
  }
  const startedAt = Date.now()
  const started = startApp({ root, ...engines, returnTo, pageData })
  return { root, started, startedAt }
}

describe('startApp', () => {
  it("waits for the page's API answer, so the page renders with it", async () => {
    const pageData = deferred()
    const { root, started } = await signedInStart(pageData.promise)

    await new Promise((resolve) => setTimeout(resolve, PAGE_DATA_PATIENCE_MS / 3))
    expect(root.childElementCount).toBe(0)
    pageData.resolve()
    await started
    await waitFor(() => {
      expect(root.querySelector('header')).not.toBeNull()
    })
  })

  it('renders without the answer once patience runs out', async () => {
    const never = new Promise<void>(() => undefined)
    const { root, started, startedAt } = await signedInStart(never)

    await started
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(PAGE_DATA_PATIENCE_MS - 5)
    await waitFor(() => {
      expect(root.querySelector('header')).not.toBeNull()
    })
  })

  it.each(['/', '/portal'])(
    'shows the page sign-in returns to (base path %s)',
    async (basename) => {
      const { root, started } = await signedInStart(Promise.resolve(), {
        basename,
        returnTo: '/profile?tab=claims',
      })

      await started
      const prefix = basename === '/' ? '' : basename
      expect(window.location.pathname + window.location.search).toBe(`${prefix}/profile?tab=claims`)
      await waitFor(() => {
        expect(root.querySelector('h1')?.textContent).toMatch(/profile/i)
      })
    },
  )
})
