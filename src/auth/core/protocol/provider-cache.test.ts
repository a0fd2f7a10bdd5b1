// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { MemoryStorage } from '../../../testing/memory-storage'
import { ProviderCache } from './provider-cache'

const ISSUER = 'https://idp.example.test'

/** A provider whose discovery names `jwksUri` (changeable), over a fake network. */
function provider() {
  const state = { jwksUri: `${ISSUER}/jwks`, fetched: [] as string[] }
  const fetch = (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input)
    state.fetched.push(url)
    const body = url.endsWith('/.well-known/openid-configuration')
      ? {
          issuer: ISSUER,
          authorization_endpoint: `${ISSUER}/authorize`,
          token_endpoint: `${ISSUER}/token`,
          jwks_uri: state.jwksUri,
        }
      : { keys: [{ kty: 'RSA', kid: url }] }
    return Promise.resolve(Response.json(body))
  }
  return { state, fetch: fetch }
}

describe('ProviderCache (SEC-47)', () => {
  it('uses cached keys only with the jwks_uri they were fetched from', async () => {
    const storage = new MemoryStorage()
    const { state, fetch } = provider()
    const options = { authority: ISSUER, storage, fetch, now: () => Date.now() }
    await new ProviderCache(options).getJwks()

    // A later page of the tab: discovery now names another key set (the cache is dropped
    // when its metadata is refreshed, e.g. after a day, or by a new deployment's discovery).
    state.jwksUri = `${ISSUER}/jwks-2`
    const cached = JSON.parse(storage.getItem(`tessera.provider:${ISSUER}`) ?? '{}') as {
      metadata: Record<string, unknown>
    }
    storage.setItem(
      `tessera.provider:${ISSUER}`,
      JSON.stringify({ ...cached, metadata: { ...cached.metadata, jwks_uri: state.jwksUri } }),
    )
    const keys = await new ProviderCache(options).getJwks()

    expect(keys.keys[0]?.kid).toBe(`${ISSUER}/jwks-2`)
  })

  it('fetches discovery and keys again once its copy is a day old', async () => {
    const storage = new MemoryStorage()
    const { state, fetch } = provider()
    const clock = { now: Date.now() }
    const options = { authority: ISSUER, storage, fetch, now: () => clock.now }
    await new ProviderCache(options).getJwks()
    await new ProviderCache(options).getJwks()
    expect(state.fetched).toHaveLength(2)

    clock.now += 24 * 3600_000 + 1
    await new ProviderCache(options).getJwks()

    expect(state.fetched).toHaveLength(4)
  })
})
