import { render } from '@testing-library/react'
import { StrictMode } from 'react'
import { type Location, MemoryRouter, useLocation } from 'react-router'

import { createQueryClient } from '../api/queries/query-client'
import type { AuthFixture } from './auth-fixture'

/** Reports the router's location to the test, as the address bar would show it. */
function LocationSpy({ onLocation }: { readonly onLocation: (location: Location) => void }) {
  onLocation(useLocation())
  return null
}

/** Renders the real routes in StrictMode around a real AuthClient, at `path`. */
export async function renderApp(fixture: AuthFixture, path: string) {
  let current: Location | undefined
  // Imported lazily so the app's module graph loads after test globals are stubbed.
  const [{ AppProviders }, { AppRoutes }] = await Promise.all([
    import('../app/app'),
    import('../app/router'),
  ])
  const queryClient = createQueryClient()
  const view = render(
    <StrictMode>
      <AppProviders auth={fixture.auth} config={fixture.options.config} queryClient={queryClient}>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes />
          <LocationSpy onLocation={(location) => (current = location)} />
        </MemoryRouter>
      </AppProviders>
    </StrictMode>,
  )
  /** The router's current path. */
  const pathname = () => current?.pathname
  return { ...view, queryClient, pathname }
}
