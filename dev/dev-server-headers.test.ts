import { describe, expect, it } from 'vitest'

import { devServerHeaders } from './dev-server-headers'
import { securityHeaders } from './security-headers'

const CONFIG = {
  authority: 'https://login.example.test/tenant/v2.0',
  apis: { orders: { baseUrl: 'https://orders.example.test/v1', scopes: ['orders'] } },
}
const OPTIONS = { nonce: 'n0nce', port: 5173, path: '/' }

function directives(headers: Record<string, string>): Map<string, string> {
  const csp = headers['Content-Security-Policy'] ?? ''
  return new Map(csp.split('; ').map((d) => [d.split(' ', 1)[0] ?? '', d]))
}

describe('devServerHeaders', () => {
  it('allows exactly the provider and API origins of config.json, plus its own websocket', () => {
    const csp = directives(devServerHeaders(CONFIG, OPTIONS))

    expect(csp.get('connect-src')).toBe(
      "connect-src 'self' https://login.example.test https://orders.example.test ws://127.0.0.1:5173 ws://localhost:5173",
    )
    expect(csp.get('frame-src')).toBe("frame-src 'self' https://login.example.test")
  })

  it('lets only what carries the nonce run inline, as Vite injects it', () => {
    const csp = directives(devServerHeaders(CONFIG, OPTIONS))

    expect(csp.get('script-src')).toBe("script-src 'self' 'nonce-n0nce'")
    expect(csp.get('style-src')).toBe("style-src 'self' 'nonce-n0nce'")
  })

  it('keeps every other header and directive of the production hosts', () => {
    const dev = devServerHeaders(CONFIG, OPTIONS)
    const production = securityHeaders(CONFIG)
    const untouched = (csp: Map<string, string>) =>
      [...csp].filter(([name]) => !['script-src', 'style-src', 'connect-src'].includes(name))

    expect(Object.keys(dev)).toEqual(Object.keys(production))
    expect(dev['X-Frame-Options']).toBe('DENY')
    expect(untouched(directives(dev))).toEqual(untouched(directives(production)))
  })

  it('lets the app frame its silent renewal page, and nothing else', () => {
    const silent = devServerHeaders(CONFIG, { ...OPTIONS, path: '/silent-callback.html' })
    const page = devServerHeaders(CONFIG, { ...OPTIONS, path: '/tasks' })

    expect(directives(silent).get('frame-ancestors')).toBe("frame-ancestors 'self'")
    expect(silent['X-Frame-Options']).toBe('SAMEORIGIN')
    expect(directives(page).get('frame-ancestors')).toBe("frame-ancestors 'none'")
  })
})
