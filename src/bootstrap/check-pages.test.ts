// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { defineRead } from '../api/queries'
import { createAuthFixture } from '../testing/auth-fixture'
import { type Page, pagesFor } from '../pages'
import { missingApis } from './check-pages'

const orders = defineRead({ api: 'orders', resource: ['orders'], fetch: () => Promise.resolve([]) })
const ordersPage: Page = {
  path: '/orders',
  title: 'Orders',
  signIn: true,
  reads: [orders],
  component: () => Promise.reject(new Error('not rendered here')),
}

describe('the route table against config.json', () => {
  it('names the page and the missing key when a page calls an API config.json lacks', async () => {
    const { auth } = await createAuthFixture()

    expect(missingApis([ordersPage], auth.config)).toEqual([
      {
        path: 'apis.orders',
        message: expect.stringContaining('/orders (Orders) calls the API "orders"') as string,
      },
    ])
  })

  it('finds nothing missing when every API is configured, and skips pages that are off', async () => {
    const { auth } = await createAuthFixture()
    const { demo } = auth.config.apis
    if (!demo) throw new Error('the fixture config has a demo API')
    const config = { ...auth.config, apis: { ...auth.config.apis, orders: demo } }
    const offPage: Page = { ...ordersPage, onlyWith: 'diagnostics' }

    expect(missingApis([ordersPage], config)).toEqual([])
    expect(missingApis([offPage], auth.config)).toEqual([])
    expect(pagesFor({ ...auth.config, diagnostics: true }, [offPage])).toEqual([offPage])
  })
})
