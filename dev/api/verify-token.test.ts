// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { devStack } from '../config'
import type { RunningServer } from '../config'
import { startIdentityProvider } from '../idp/server'
import { signInAndGetTokens } from '../testing/login-flow'
import { createTokenVerifier } from './verify-token'

const stack = devStack({ TESSERA_IDP_PORT: '9726', TESSERA_API_PORT: '9727' })
const DISCOVERY = `${stack.issuer}/.well-known/openid-configuration`

let idp: RunningServer

beforeAll(async () => {
  idp = await startIdentityProvider(stack, { devEndpoints: false })
})

afterAll(async () => {
  vi.restoreAllMocks()
  await idp.close()
})

/** The URLs the verifier fetched (it uses the global fetch), passed through to the real IdP. */
function watchFetches(): string[] {
  const urls: string[] = []
  const realFetch = globalThis.fetch
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    urls.push(input instanceof Request ? input.url : String(input))
    return realFetch(input, init)
  })
  return urls
}

describe('createTokenVerifier', () => {
  it('finds the provider’s keys through discovery once, not on every request', async () => {
    const { accessToken } = await signInAndGetTokens(stack, 'alice', 'alice-password')
    const urls = watchFetches()
    const verify = createTokenVerifier(stack, stack.apiUrl)

    for (let call = 0; call < 3; call++) {
      await expect(verify(accessToken)).resolves.toMatchObject({ sub: expect.any(String) })
    }

    expect(urls.filter((url) => url === DISCOVERY)).toHaveLength(1)
    vi.restoreAllMocks()
  })
})
