// @vitest-environment node
import { decodeJwt } from 'jose'
import { describe, expect, it } from 'vitest'

import { ACR_PASSWORD, ACR_SECOND_FACTOR, devStack } from '../config'
import { startIdentityProvider } from '../idp/server'
import { serversForSuite } from '../testing/suite-servers'
import { BrowserSession, exchangeCode } from '../testing/login-flow'
import { startDemoApi } from './server'

const stack = devStack({
  TESSERA_IDP_PORT: '9740',
  TESSERA_API_PORT: '9741',
  TESSERA_APP_PORT: '9743',
})

serversForSuite(
  () => startIdentityProvider(stack, { devEndpoints: false }),
  () => startDemoApi(stack, { devEndpoints: false }),
)

async function addTask(token: string): Promise<string> {
  const response = await fetch(`${stack.apiUrl}/tasks`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Shred the old contracts' }),
  })
  const { id } = (await response.json()) as { id: string }
  return id
}

function deleteTask(token: string, id: string): Promise<Response> {
  return fetch(`${stack.apiUrl}/tasks/${id}`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${token}` },
  })
}

describe('step-up for a sensitive operation (RFC 9470)', () => {
  it('asks for a second factor, which the provider grants with only a one-time code', async () => {
    const browser = new BrowserSession(stack)
    const weak = await exchangeCode(browser, await browser.signIn('alice', 'alice-password'))
    expect(decodeJwt(weak.accessToken).acr).toBe(ACR_PASSWORD)
    const id = await addTask(weak.accessToken)

    const refused = await deleteTask(weak.accessToken, id)

    expect(refused.status).toBe(401)
    const challenge = refused.headers.get('WWW-Authenticate') ?? ''
    expect(challenge).toContain('error="insufficient_user_authentication"')
    expect(challenge).toContain(`acr_values="${ACR_SECOND_FACTOR}"`)

    // The same browser (provider session cookie) comes back asking for the stronger acr.
    const page = await browser.start({ acrValues: ACR_SECOND_FACTOR })
    const html = await page.response.text()
    expect(html).toContain('One-time code')
    expect(html).not.toContain('Password')
    const code = /one-time code is <strong>(\d{6})<\/strong>/.exec(html)?.[1] ?? ''
    const callback = await browser.postForm(new URL(`${page.url.pathname}/otp`, page.url), {
      otp: code,
    })
    const strong = await exchangeCode(browser, callback.url)

    expect(decodeJwt(strong.accessToken).acr).toBe(ACR_SECOND_FACTOR)
    expect((await deleteTask(strong.accessToken, id)).status).toBe(204)
  })

  it('keeps asking when the code is wrong', async () => {
    const browser = new BrowserSession(stack)
    const page = await browser.start({ acrValues: ACR_SECOND_FACTOR })
    await page.response.body?.cancel()
    const afterPassword = await browser.login(page.url, 'bob', 'bob-password')
    await afterPassword.response.body?.cancel()

    const wrong = await browser.postForm(new URL(`${page.url.pathname}/otp`, page.url), {
      otp: '000000',
    })

    expect(wrong.response.status).toBe(200)
    expect(await wrong.response.text()).toContain('That code is not right')
  })
})
