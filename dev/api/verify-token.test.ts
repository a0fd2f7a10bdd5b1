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

  it('keeps verifying with the keys it has while the provider is down', async () => {
    const lonely = devStack({ TESSERA_IDP_PORT: '9728', TESSERA_API_PORT: '9729' })
    const provider = await startIdentityProvider(lonely, { devEndpoints: false })
    const { accessToken } = await signInAndGetTokens(lonely, 'alice', 'alice-password')
    const verify = createTokenVerifier(lonely, lonely.apiUrl)
    await expect(verify(accessToken)).resolves.toMatchObject({ sub: expect.any(String) })

    await provider.close()
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      await expect(verify(accessToken)).resolves.toMatchObject({ sub: expect.any(String) })
      // A discovery attempt nobody waits for would fail about now.
      await new Promise((resolve) => setTimeout(resolve, 200))
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
    expect(unhandled).toEqual([])
  })
})
