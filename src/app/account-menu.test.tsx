import { screen, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'

import { createAuthFixture } from '../testing/auth-fixture'
import { renderApp } from '../testing/render-app'

describe('the account menu', () => {
  it('shows who is signed in, and switches accounts through the provider, coming back here', async () => {
    const fixture = await createAuthFixture()
    fixture.provider.tamper.idTokenClaims = { email: 'alice@example.test' }
    await fixture.signIn()
    await renderApp(fixture, '/profile?tab=claims')
    const toggle = await screen.findByRole('button', { name: 'Account: Alice Liddell' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')

    await userEvent.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    // The menu's own panel: the profile page behind it may show the e-mail too.
    const panel = document.getElementById(toggle.getAttribute('aria-controls') ?? '')
    if (!panel) throw new Error('the account button controls no panel')
    expect(within(panel).getByText('alice@example.test')).toBeVisible()
    const before = fixture.navigations.length
    await userEvent.click(screen.getByRole('button', { name: 'Switch account' }))

    // The click starts an async sign-in (PKCE, discovery); wait for its navigation.
    await vi.waitFor(() => {
      expect(fixture.navigations.length).toBeGreaterThan(before)
    })
    const request = new URL(fixture.navigations.at(-1) ?? '')
    expect(request.searchParams.get('prompt')).toBe('select_account')
    expect(request.searchParams.get('login_hint')).toBe('alice@example.test')
  })

  it('closes on Escape and gives focus back to its button', async () => {
    const fixture = await createAuthFixture()
    await fixture.signIn()
    await renderApp(fixture, '/')
    const toggle = await screen.findByRole('button', { name: 'Account: Alice Liddell' })

    await userEvent.click(toggle)
    await userEvent.keyboard('{Escape}')

    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(toggle).toHaveFocus()
    expect(screen.queryByRole('button', { name: 'Switch account' })).toBeNull()
  })
})
