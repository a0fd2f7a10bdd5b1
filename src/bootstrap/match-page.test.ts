// @vitest-environment node
import { describe, expect, it } from 'vitest'

import type { Page } from '../pages'
import { matchPage } from './match-page'

const page = (path: string): Page => ({
  path,
  title: path,
  component: () => Promise.reject(new Error('not loaded here')),
})
const PAGES = [page('/'), page('/orders'), page('/orders/:id'), page('/orders/new')]

describe('matchPage', () => {
  it.each([
    ['/', '/', {}],
    ['/orders', '/orders', {}],
    ['/Orders/?tab=open#top', '/orders', {}],
    ['/orders/new', '/orders/new', {}],
    ['/orders/42', '/orders/:id', { id: '42' }],
    ['/orders/a%20b', '/orders/:id', { id: 'a b' }],
  ])('matches %s to %s', (appPath, path, params) => {
    expect(matchPage(PAGES, appPath)).toEqual({ page: expect.objectContaining({ path }), params })
  })

  it.each(['/nowhere', '/orders/42/lines', '/orders/%E0%A4%A'])('matches nothing at %s', (path) => {
    expect(matchPage(PAGES, path)).toBeUndefined()
  })
})
