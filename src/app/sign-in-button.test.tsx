import { fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { createAuthFixture } from '../testing/auth-fixture'
import { renderApp } from '../testing/render-app'

/** The credentialed preconnects in the document's head: what a navigation can use. */
function navigationHints(): string[] {
  return [...document.head.querySelectorAll<HTMLLinkElement>('link[rel=preconnect]')]
    .filter((link) => !link.hasAttribute('crossorigin'))
    .map((link) => link.href)
}

describe('SignInButton', () => {
  afterEach(() => {
    for (const link of document.head.querySelectorAll('link[rel=preconnect]')) link.remove()
  })

  it('warms the connection to the provider when the pointer reaches it or it gets focus', async () => {
    const fixture = await createAuthFixture()
    await renderApp(fixture, '/')
    const button = await screen.findByRole('button', { name: 'Sign in' })
    expect(navigationHints()).toEqual([])

    fireEvent.pointerEnter(button)
    fireEvent.focus(button)

    expect(navigationHints()).toEqual([`${new URL(fixture.provider.issuer).origin}/`])
    expect(fixture.navigations).toEqual([]) // warming is not signing in
  })
})
