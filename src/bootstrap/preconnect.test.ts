import { afterEach, describe, expect, it } from 'vitest'

import { preconnect } from './preconnect'

describe('preconnect', () => {
  afterEach(() => {
    for (const link of document.head.querySelectorAll('link[rel=preconnect]')) link.remove()
  })

  it('adds one anonymous preconnect per foreign origin, never for the app itself', () => {
    preconnect([
      'https://api.example.test/v1',
      'https://api.example.test/v2',
      'https://idp.example.test/tenant',
      `${window.location.origin}/local`,
    ])

    const links = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel=preconnect]')]
    expect(links.map((link) => link.href)).toEqual([
      'https://api.example.test/',
      'https://idp.example.test/',
    ])
    expect(links.every((link) => link.crossOrigin === 'anonymous')).toBe(true)
  })

  it('warms a credentialed connection for a navigation: no crossorigin attribute', () => {
    preconnect(['https://idp.example.test/tenant/v2.0'], 'navigation')

    const links = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel=preconnect]')]
    expect(links.map((link) => link.href)).toEqual(['https://idp.example.test/'])
    expect(links[0]?.hasAttribute('crossorigin')).toBe(false)
  })

  it('hints an origin once per use, however often it is asked', () => {
    preconnect(['https://idp.example.test/a'])
    preconnect(['https://idp.example.test/b'], 'navigation')
    preconnect(['https://idp.example.test/c'])
    preconnect(['https://idp.example.test/d'], 'navigation')

    const links = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel=preconnect]')]
    expect(links.map((link) => [link.href, link.crossOrigin])).toEqual([
      ['https://idp.example.test/', 'anonymous'],
      ['https://idp.example.test/', null],
    ])
  })
})
