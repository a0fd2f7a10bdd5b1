import { screen, waitFor } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'

import { createAuthFixture } from '../../testing/auth-fixture'
import { renderApp } from '../../testing/render-app'

describe('AuthCallbackPage', () => {
  it('redeems the code once under StrictMode and returns to the page sign-in started from', async () => {
    const fixture = await createAuthFixture()
    await fixture.auth.signIn({ returnTo: '/tasks' })
    const callback = new URL(fixture.provider.authorize(fixture.navigations[0] ?? ''))
    window.history.replaceState(null, '', callback.href)

    const { pathname } = await renderApp(fixture, callback.pathname + callback.search)

    await waitFor(() => {
      expect(pathname()).toBe('/tasks')
    })
    expect(fixture.provider.tokenGrants('authorization_code')).toBe(1)
    expect(await screen.findByRole('button', { name: 'Account: Alice Liddell' })).toBeVisible()
  })

  it('shows an alert with "Sign in" when the provider refused', async () => {
    const fixture = await createAuthFixture()
    await fixture.auth.signIn()
    const state = new URL(fixture.navigations[0] ?? '').searchParams.get('state') ?? ''
    const callback = `https://app.example.test/auth/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(fixture.provider.issuer)}`
    window.history.replaceState(null, '', callback)

    await renderApp(fixture, `/auth/callback?error=access_denied&state=${state}`)

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Sign-in failed')
    expect(alert).toHaveTextContent('access_denied')
    expect(screen.getAllByRole('button', { name: 'Sign in' }).length).toBeGreaterThan(0)
  })

  it('puts a refused sign-in under its own heading, and goes home once dismissed', async () => {
    const fixture = await createAuthFixture()
    await fixture.auth.signIn()
    const state = new URL(fixture.navigations[0] ?? '').searchParams.get('state') ?? ''
    const callback = `https://app.example.test/auth/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(fixture.provider.issuer)}`
    window.history.replaceState(null, '', callback)
    const { pathname } = await renderApp(
      fixture,
      `/auth/callback?error=access_denied&state=${state}`,
    )

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sign-in did not complete' }),
    ).toBeVisible()
    expect(screen.getAllByRole('alert')).toHaveLength(1)
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }))

    await waitFor(() => {
      expect(pathname()).toBe('/')
    })
  })

  it('explains a visit without a sign-in response', async () => {
    const fixture = await createAuthFixture()
    window.history.replaceState(null, '', 'https://app.example.test/auth/callback')

    await renderApp(fixture, '/auth/callback')

    expect(await screen.findByRole('alert')).toHaveTextContent('callback_invalid')
  })
})
