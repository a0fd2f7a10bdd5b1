// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { devStack } from '../config'
import { startIdentityProvider } from '../idp/server'
import { serversForSuite } from '../testing/suite-servers'
import {
  BrowserSession,
  exchangeCode,
  refresh,
  signInAndGetTokens,
  stringField,
} from '../testing/login-flow'
import { startDemoApi, startNotesApi } from './server'

const stack = devStack({
  TESSERA_IDP_PORT: '9730',
  TESSERA_API_PORT: '9731',
  TESSERA_NOTES_API_PORT: '9732',
  TESSERA_APP_PORT: '9733',
})

serversForSuite(
  () => startIdentityProvider(stack, { devEndpoints: false }),
  () => startDemoApi(stack, { devEndpoints: false }),
  () => startNotesApi(stack, { devEndpoints: false }),
)

function call(url: string, token: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers)
  headers.set('Authorization', `Bearer ${token}`)
  return fetch(url, { ...init, headers })
}

describe('two APIs, one sign-in', () => {
  it('gives each API its own audience through the refresh token, and neither accepts the other’s', async () => {
    const tokens = await signInAndGetTokens(stack, 'alice', 'alice-password', {
      resource: [stack.apiUrl, stack.notesApiUrl],
      scope: ['openid', 'offline_access', ...stack.apiScopes, ...stack.notesApiScopes].join(' '),
    })
    const notesReply = await refresh(stack, tokens.refreshToken, {
      scope: stack.notesApiScopes.join(' '),
      resource: stack.notesApiUrl,
    })
    expect(notesReply.status).toBe(200)
    const notesToken = stringField(notesReply.body, 'access_token')

    const created = await call(`${stack.notesApiUrl}/notes`, notesToken, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'Remember the milk' }),
    })
    const listed = await call(`${stack.notesApiUrl}/notes`, notesToken)

    expect(created.status).toBe(201)
    expect(await listed.json()).toMatchObject({ notes: [{ text: 'Remember the milk' }] })
    expect((await call(`${stack.apiUrl}/me`, notesToken)).status).toBe(401)
    expect((await call(`${stack.notesApiUrl}/notes`, tokens.accessToken)).status).toBe(401)
    expect((await call(`${stack.apiUrl}/me`, tokens.accessToken)).status).toBe(200)
  })

  it('refuses a note without text', async () => {
    const session = new BrowserSession(stack)
    const callback = await session.signIn('bob', 'bob-password', {
      resource: stack.notesApiUrl,
      scope: ['openid', ...stack.notesApiScopes].join(' '),
    })
    const tokens = await exchangeCode(session, callback, stack.notesApiUrl)
    const reply = await call(`${stack.notesApiUrl}/notes`, tokens.accessToken, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: '   ' }),
    })

    expect(reply.status).toBe(400)
  })
})
