// @vitest-environment node
import { createHash, randomUUID } from 'node:crypto'

import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'

import { devStack } from '../config'
import { startIdentityProvider } from '../idp/server'
import { serversForSuite } from '../testing/suite-servers'
import { BrowserSession, stringField, tokenRequest } from '../testing/login-flow'
import { startDemoApi } from './server'

const stack = devStack({
  TESSERA_IDP_PORT: '9750',
  TESSERA_API_PORT: '9751',
  TESSERA_APP_PORT: '9753',
})

const key = await generateKeyPair('ES256')
const jwk = await exportJWK(key.publicKey)

serversForSuite(
  () => startIdentityProvider(stack, { devEndpoints: false }),
  () => startDemoApi(stack, { devEndpoints: false }),
)

function proof(method: string, url: string, extra: Record<string, string> = {}) {
  return new SignJWT({ htm: method, htu: url, jti: randomUUID(), ...extra })
    .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk })
    .setIssuedAt()
    .sign(key.privateKey)
}

async function dpopTokens() {
  const browser = new BrowserSession(stack)
  const callback = await browser.signIn('alice', 'alice-password')
  const reply = await tokenRequest(
    stack,
    {
      grant_type: 'authorization_code',
      client_id: stack.clientId,
      code: callback.searchParams.get('code') ?? '',
      redirect_uri: browser.redirectUri,
      code_verifier: browser.pkce.verifier,
      resource: stack.apiUrl,
    },
    { DPoP: await proof('POST', `${stack.issuer}/token`) },
  )
  expect(reply.status).toBe(200)
  expect(reply.body.token_type).toBe('DPoP')
  return stringField(reply.body, 'access_token')
}

const ath = (token: string) => createHash('sha256').update(token).digest('base64url')

async function callMe(token: string, headers: Record<string, string>) {
  return fetch(`${stack.apiUrl}/me`, { headers: { Authorization: `DPoP ${token}`, ...headers } })
}

describe('DPoP-bound access tokens (RFC 9449)', () => {
  it('asks for a nonce, then accepts a fresh proof by the token’s key', async () => {
    const token = await dpopTokens()
    const url = `${stack.apiUrl}/me`

    const first = await callMe(token, { DPoP: await proof('GET', url, { ath: ath(token) }) })
    expect(first.status).toBe(401)
    expect(first.headers.get('WWW-Authenticate')).toContain('error="use_dpop_nonce"')
    const nonce = first.headers.get('DPoP-Nonce') ?? ''

    const second = await callMe(token, {
      DPoP: await proof('GET', url, { ath: ath(token), nonce }),
    })
    expect(second.status).toBe(200)
  })

  it('refuses a stolen token replayed without the key, as Bearer or with a replayed proof', async () => {
    const token = await dpopTokens()
    const url = `${stack.apiUrl}/me`
    const nonce =
      (await callMe(token, { DPoP: await proof('GET', url, { ath: ath(token) }) })).headers.get(
        'DPoP-Nonce',
      ) ?? ''
    const used = await proof('GET', url, { ath: ath(token), nonce })
    expect((await callMe(token, { DPoP: used })).status).toBe(200)

    const asBearer = await fetch(url, { headers: { Authorization: `Bearer ${token}` } })
    const withoutProof = await callMe(token, {})
    const replayed = await callMe(token, { DPoP: used })
    const otherRequest = await callMe(token, {
      DPoP: await proof('POST', url, { ath: ath(token), nonce }),
    })
    const otherToken = await callMe(token, {
      DPoP: await proof('GET', url, { ath: ath('another token'), nonce }),
    })

    expect(asBearer.status).toBe(401)
    expect(withoutProof.status).toBe(401)
    expect(replayed.status).toBe(401)
    expect(otherRequest.status).toBe(401)
    expect(otherToken.status).toBe(401)
  })
})
