// @vitest-environment node
import { describe, expect, it } from 'vitest'

import type { Page } from '../pages'
import { type FirstPageFacts, planFirstPage } from './first-page'

const page = (path: string, signIn = false): Page => ({
  path,
  title: path,
  signIn,
  component: () => Promise.reject(new Error('not loaded here')),
})
const PAGES = [page('/'), page('/orders', true), page('/orders/:id', true)]
const facts = (overrides: Partial<FirstPageFacts>): FirstPageFacts => ({
  isCallback: false,
  appPath: '/',
  signedIn: false,
  hasAuthError: false,
  pages: PAGES,
  ...overrides,
})

describe('planFirstPage', () => {
  it('completes a sign-in on the redirect URI, whatever else holds', () => {
    expect(planFirstPage(facts({ isCallback: true, signedIn: true }))).toEqual({
      kind: 'complete-sign-in',
    })
  })

  it('leaves for the provider from a signed-out deep link, keeping the whole path', () => {
    expect(planFirstPage(facts({ appPath: '/orders/42?tab=lines#top' }))).toEqual({
      kind: 'leave-for-provider',
      returnTo: '/orders/42?tab=lines#top',
    })
  })

  it('shows a signed-in user the page', () => {
    expect(planFirstPage(facts({ appPath: '/orders/42', signedIn: true }))).toEqual({
      kind: 'show-page',
    })
  })

  it('shows (does not loop) when the last attempt failed or the session ended', () => {
    expect(planFirstPage(facts({ appPath: '/orders', hasAuthError: true }))).toMatchObject({
      kind: 'show-page',
    })
  })

  it('shows public pages and unknown paths (the router says "not found")', () => {
    expect(planFirstPage(facts({ appPath: '/' }))).toMatchObject({ kind: 'show-page' })
    expect(planFirstPage(facts({ appPath: '/nowhere' }))).toEqual({ kind: 'show-page' })
  })
})
