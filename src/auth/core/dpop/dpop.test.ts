// @vitest-environment node
import { createHash } from 'node:crypto'

import { calculateJwkThumbprint, EmbeddedJWK, jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'

import { createDpopProof, dpopThumbprint, ensureDpopKeys, memoryDpopKeys } from './dpop'

describe('DPoP proofs', () => {
  it('signs a proof a resource server accepts: typ, jwk, htm, htu without query, ath, nonce', async () => {
    const keys = await ensureDpopKeys(memoryDpopKeys())

    const proof = await createDpopProof(keys, {
      method: 'get',
      url: 'https://api.example.test/me?x=1#frag',
      accessToken: 'the-token',
      nonce: 'n-1',
    })

    const { payload, protectedHeader } = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt' })
    expect(protectedHeader.alg).toBe('ES256')
    expect(payload).toMatchObject({
      htm: 'GET',
      htu: 'https://api.example.test/me',
      nonce: 'n-1',
      ath: createHash('sha256').update('the-token').digest('base64url'),
    })
    expect(typeof payload.jti).toBe('string')
    expect(await dpopThumbprint(keys)).toBe(await calculateJwkThumbprint(protectedHeader.jwk ?? {}))
  })

  it('keeps the private key non-extractable and reuses it', async () => {
    const store = memoryDpopKeys()
    const keys = await ensureDpopKeys(store)

    await expect(crypto.subtle.exportKey('jwk', keys.privateKey)).rejects.toThrow()
    expect(await ensureDpopKeys(store)).toBe(keys)
  })

  it('gives every proof its own jti', async () => {
    const keys = await ensureDpopKeys(memoryDpopKeys())
    const request = { method: 'GET', url: 'https://api.example.test/me' }

    const [a, b] = await Promise.all([
      createDpopProof(keys, request),
      createDpopProof(keys, request),
    ])

    const jti = async (proof: string) => (await jwtVerify(proof, EmbeddedJWK)).payload.jti
    expect(await jti(a)).not.toBe(await jti(b))
  })
})
