import { vi } from 'vitest'

import { AuthClient, type AuthClientOptions } from '../auth/core'
import type { AppConfig } from '../config'
import { createFakeProvider, type FakeProvider } from './fake-provider'
import { MemoryStorage } from './memory-storage'

export const APP_BASE = 'https://app.example.test/'

export function testConfig(issuer: string, clientId: string): AppConfig {
  return {
    authority: issuer,
    clientId,
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    redirectPath: '/auth/callback',
    postLogoutRedirectPath: '/',
    diagnostics: false,
    dpop: false,
    providerOrigins: [],
    renewal: 'auto',
    oneResourcePerRequest: false,
    clientCapabilities: [],
    idleWarning: 60,
    apis: {
      demo: {
        baseUrl: 'https://api.example.test',
        scopes: ['api:read'],
        resource: 'https://api.example.test',
      },
      notes: {
        baseUrl: 'https://notes.example.test',
        scopes: ['notes:read'],
        resource: 'https://notes.example.test',
      },
    },
  }
}

export interface AuthFixture {
  readonly provider: FakeProvider
  readonly auth: AuthClient
  readonly navigations: string[]
  readonly storage: MemoryStorage
  readonly clock: { now: number }
  /** The options `auth` was made with, to make another client on the same fake network. */
  readonly options: AuthClientOptions
  /** Runs a full sign-in through the fake provider and returns the callback URL used. */
  signIn(returnTo?: string): Promise<string>
}

/** A real AuthClient (and real oidc-client-ts) talking to a fake provider over a fake network. */
export async function createAuthFixture(
  overrides: Partial<AuthClientOptions> = {},
  providerOptions: Parameters<typeof createFakeProvider>[0] = {},
): Promise<AuthFixture> {
  const provider = await createFakeProvider(providerOptions)
  const navigations: string[] = []
  const clock = { now: Date.now() }
  const storage = new MemoryStorage()
  const options: AuthClientOptions = {
    config: testConfig(provider.issuer, provider.clientId),
    appBaseUrl: APP_BASE,
    storage,
    fetch: provider.fetch,
    navigate: (url) => navigations.push(url),
    replaceUrl: () => undefined,
    now: () => clock.now,
    channel: null, // Node has BroadcastChannel: keep tests from hearing each other
    ...overrides,
  }
  // oidc-client-ts calls the global fetch for the token endpoint.
  vi.stubGlobal('fetch', provider.fetch)
  const auth = new AuthClient(options)
  return {
    provider,
    auth,
    navigations,
    storage,
    clock,
    options,
    async signIn(returnTo = '/') {
      await auth.signIn({ returnTo })
      const authorizeUrl = navigations.at(-1)
      if (!authorizeUrl) throw new Error('signIn did not navigate')
      const callbackUrl = provider.authorize(authorizeUrl)
      await auth.handleCallback(callbackUrl)
      return callbackUrl
    },
  }
}
