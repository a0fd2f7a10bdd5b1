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
})
