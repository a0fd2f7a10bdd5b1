/**
 * Drives the dev identity provider with plain `fetch` the way a browser would: authorization
 * request with PKCE, login form, redirects with cookies, token requests. For tests only.
 */

import { createHash, randomBytes } from 'node:crypto'
import type { DevStack } from '../config'

/** Just enough of a browser cookie store for one host: names and values, paths ignored. */
export class CookieJar {
  readonly #cookies = new Map<string, string>()

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';')
      const separator = pair.indexOf('=')
      if (separator <= 0) continue
      const name = pair.slice(0, separator).trim()
      const value = pair.slice(separator + 1).trim()
      const expired = attributes.some((attribute) => {
        const [key = '', raw = ''] = attribute.trim().split('=', 2)
        if (key.toLowerCase() === 'max-age') return Number(raw) <= 0
        if (key.toLowerCase() === 'expires') return Date.parse(raw) <= Date.now()
        return false
      })
      if (expired || value === '') this.#cookies.delete(name)
      else this.#cookies.set(name, value)
    }
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }
}

export interface Pkce {
  readonly verifier: string
  readonly challenge: string
}

export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

export interface AuthorizationOptions {
  /** Defaults to OIDC + offline_access + all API scopes. */
  readonly scope?: string
  /** Defaults to the API; pass null to leave the parameter out, a list for several (RFC 8707). */
  readonly resource?: string | readonly string[] | null
  readonly prompt?: string
  /** OIDC `login_hint`: the account to prefill. */
  readonly loginHint?: string
  /** OIDC `acr_values`, e.g. the second factor for a step-up. */
  readonly acrValues?: string
  /** Leave out code_challenge (to see PKCE enforced). */
  readonly withoutPkce?: boolean
}

export interface BrowserStep {
  /** The last URL the browser landed on. */
  readonly url: URL
  readonly response: Response
}

/** A browser session against the IdP: one cookie jar, one pending authorization request. */
export class BrowserSession {
  readonly jar = new CookieJar()
  readonly pkce = createPkce()
  readonly state = randomBytes(8).toString('base64url')
  readonly nonce = randomBytes(8).toString('base64url')
  readonly stack: DevStack

  constructor(stack: DevStack) {
    this.stack = stack
  }

  get redirectUri(): string {
    const [redirectUri] = this.stack.redirectUris
    if (redirectUri === undefined) throw new Error('the stack has no redirect URI')
    return redirectUri
  }

  authorizationUrl(options: AuthorizationOptions = {}): URL {
    const url = new URL(`${this.stack.issuer}/auth`)
    const scope =
      options.scope ??
      ['openid', 'profile', 'email', 'offline_access', ...this.stack.apiScopes].join(' ')
    const params: Record<string, string> = {
      client_id: this.stack.clientId,
      redirect_uri: this.redirectUri,
      response_type: 'code',
      scope,
      state: this.state,
      nonce: this.nonce,
    }
    if (options.withoutPkce !== true) {
      params.code_challenge = this.pkce.challenge
      params.code_challenge_method = 'S256'
    }
    if (options.prompt !== undefined) params.prompt = options.prompt
    if (options.loginHint !== undefined) params.login_hint = options.loginHint
    if (options.acrValues !== undefined) params.acr_values = options.acrValues
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
    const resource = options.resource === undefined ? this.stack.apiUrl : options.resource
    for (const value of typeof resource === 'string' ? [resource] : (resource ?? [])) {
      url.searchParams.append('resource', value)
    }
    return url
  }

  /** One request with the jar's cookies, no redirect following. */
  async request(url: URL | string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    const cookie = this.jar.header()
    if (cookie !== '') headers.set('Cookie', cookie)
    const response = await fetch(url, { ...init, headers, redirect: 'manual' })
    this.jar.store(response)
    return response
  }

  /** Follows redirects inside the IdP; stops at a page or at a redirect leaving the IdP. */
  async follow(url: URL, first: Response): Promise<BrowserStep> {
    let current = url
    let response = first
    for (let hops = 0; hops < 10; hops += 1) {
      const location = response.headers.get('Location')
      if (response.status < 300 || response.status >= 400 || location === null) {
        return { url: current, response }
      }
      const next = new URL(location, current)
      if (next.origin !== new URL(this.stack.issuer).origin) {
        return { url: next, response }
      }
      await response.body?.cancel()
      current = next
      response = await this.request(next)
    }
    throw new Error('too many redirects')
  }

  async start(options: AuthorizationOptions = {}): Promise<BrowserStep> {
    const url = this.authorizationUrl(options)
    return this.follow(url, await this.request(url))
  }

  async postForm(url: URL, form: Record<string, string>): Promise<BrowserStep> {
    const response = await this.request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    })
    return this.follow(url, response)
  }

  /**
   * Submits a page that posts its form by script (oidc-provider's "Submitting Callback", e.g.
   * ending one account's session when another signs in), as a browser would.
   */
  async submitScriptedForm(step: BrowserStep): Promise<BrowserStep> {
    const html = await step.response.text()
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]
    if (action === undefined) throw new Error(`no scripted form at ${step.url.href}`)
    const fields = Object.fromEntries(
      [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(
        ([, name = '', value = '']) => [name, value],
      ),
    )
    return this.postForm(new URL(action), fields)
  }

  /** Submits the login page at `page` (the /interaction/:uid URL). */
  async login(page: URL, username: string, password: string): Promise<BrowserStep> {
    return this.postForm(new URL(`${page.pathname}/login`, page), { username, password })
  }

  /** Full sign-in; returns the callback URL the IdP redirected to (with code, state, iss). */
  async signIn(
    username: string,
    password: string,
    options: AuthorizationOptions = {},
  ): Promise<URL> {
    const page = await this.start(options)
    if (page.response.status !== 200 || !page.url.pathname.startsWith('/interaction/')) {
      throw new Error(
        `expected the login page, got ${String(page.response.status)} ${page.url.href}`,
      )
    }
    await page.response.body?.cancel()
    const callback = await this.login(page.url, username, password)
    if (!callback.url.href.startsWith(this.redirectUri)) {
      throw new Error(`expected a redirect to the app, got ${callback.url.href}`)
    }
    return callback.url
  }
}

export interface TokenReply {
  readonly status: number
  readonly headers: Headers
  readonly body: Readonly<Record<string, unknown>>
}

export async function tokenRequest(
  stack: DevStack,
  params: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<TokenReply> {
  const response = await fetch(`${stack.issuer}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
  })
  const body: unknown = await response.json()
  if (typeof body !== 'object' || body === null) throw new Error('token response is not an object')
  return { status: response.status, headers: response.headers, body: { ...body } }
}

export function stringField(body: Readonly<Record<string, unknown>>, name: string): string {
  const value = body[name]
  if (typeof value !== 'string')
    throw new Error(`expected string "${name}" in ${JSON.stringify(body)}`)
  return value
}

export interface Tokens {
  readonly accessToken: string
  readonly idToken: string
  readonly refreshToken: string
  readonly reply: TokenReply
}

/** Exchanges the code in `callback` (RFC 6749 §4.1.3 + RFC 7636 §4.5 + RFC 8707 §2.2). */
export async function exchangeCode(
  session: BrowserSession,
  callback: URL,
  resource: string | null = session.stack.apiUrl,
): Promise<Tokens> {
  const code = callback.searchParams.get('code')
  if (code === null) throw new Error(`no code in ${callback.href}`)
  const params: Record<string, string> = {
    grant_type: 'authorization_code',
    client_id: session.stack.clientId,
    code,
    redirect_uri: session.redirectUri,
    code_verifier: session.pkce.verifier,
  }
  if (resource !== null) params.resource = resource
  const reply = await tokenRequest(session.stack, params)
  if (reply.status !== 200) throw new Error(`code exchange failed: ${JSON.stringify(reply.body)}`)
  return {
    accessToken: stringField(reply.body, 'access_token'),
    idToken: stringField(reply.body, 'id_token'),
    refreshToken: stringField(reply.body, 'refresh_token'),
    reply,
  }
}

/** Refresh grant the way the app sends it: API scopes and the API as resource. */
export function refresh(
  stack: DevStack,
  refreshToken: string,
  extra: Record<string, string> = {},
): Promise<TokenReply> {
  return tokenRequest(stack, {
    grant_type: 'refresh_token',
    client_id: stack.clientId,
    refresh_token: refreshToken,
    scope: stack.apiScopes.join(' '),
    resource: stack.apiUrl,
    ...extra,
  })
}

/** Signs `username` in and exchanges the code: the tokens the app would hold. */
export async function signInAndGetTokens(
  stack: DevStack,
  username: string,
  password: string,
  options: AuthorizationOptions = {},
): Promise<Tokens> {
  const session = new BrowserSession(stack)
  const callback = await session.signIn(username, password, options)
  return exchangeCode(session, callback)
}
