// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { safeReturnTo } from './return-to'

const ORIGIN = 'https://app.example.test'

describe('safeReturnTo', () => {
  it.each(['/', '/profile', '/tasks?filter=open#top', '/a/b%20c'])(
    'keeps the app path %s',
    (path) => {
      expect(safeReturnTo(path, ORIGIN)).toBe(path)
    },
  )

  it.each([
    '//evil.example',
    '/\\evil.example',
    '/%2F%2Fevil.example',
    '/%5Cevil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/\tevil',
    'profile',
    '',
    42,
    undefined,
  ])('refuses %s', (candidate) => {
    expect(safeReturnTo(candidate, ORIGIN)).toBe('/')
  })

  // Dot segments that normalise to a protocol-relative path: a router (or a second call) that
  // navigates to the result would leave the origin.
  it.each(['/..//evil.example', '/%2e%2e//evil.example', '/a/..//evil.example', '/./..//evil'])(
    'refuses %s, which normalises to a protocol-relative path',
    (candidate) => {
      const result = safeReturnTo(candidate, ORIGIN)
      expect(result.startsWith('//')).toBe(false)
      expect(new URL(result, ORIGIN).origin).toBe(ORIGIN)
      expect(result).toBe('/')
    },
  )

  it('returns a path that is itself safe (stable under a second pass)', () => {
    for (const candidate of ['/profile', '/a/../tasks', '/..//evil.example', '/a/./b?x=1#y']) {
      const once = safeReturnTo(candidate, ORIGIN)
      expect(safeReturnTo(once, ORIGIN)).toBe(once)
    }
  })
})
