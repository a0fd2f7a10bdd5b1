import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { loginPage, signedOutPage } from './pages'

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64')
}

describe('provider pages', () => {
  it('allow their inline style by its hash only, never by unsafe-inline', () => {
    for (const page of [loginPage({ uid: 'abc', demoUsernames: ['alice'] }), signedOutPage()]) {
      const style = /<style>([\s\S]*?)<\/style>/.exec(page.html)?.[1]

      expect(style).toBeDefined()
      expect(page.csp).toContain(`style-src 'sha256-${sha256(style ?? '')}';`)
      expect(page.csp).not.toContain('unsafe-inline')
    }
  })

  it('follow the reader’s light or dark preference', () => {
    const { html } = signedOutPage()

    expect(html).toContain('color-scheme: light dark')
    expect(html).toContain('@media (prefers-color-scheme: dark)')
  })
})
