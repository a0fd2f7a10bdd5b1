import { describe, expect, it } from 'vitest'

import { parseConfig } from '../../src/config'
import { ownProviderBanner, registrationFor } from './banner'

const CONFIG = parseConfig({
  authority: 'https://your-tenant.auth0.com/',
  clientId: 'my-spa',
  scopes: ['openid', 'offline_access'],
  apis: { demo: { baseUrl: 'https://demo.example.test', scopes: ['demo.read'] } },
})

describe('registrationFor', () => {
  it('is on localhost, at the port the app listens on, as the app sends it', () => {
    expect(registrationFor(CONFIG, 5173, '/')).toEqual({
      appUrl: 'http://localhost:5173/',
      redirectUri: 'http://localhost:5173/auth/callback',
      postLogoutRedirectUri: 'http://localhost:5173/',
      silentRedirectUri: 'http://localhost:5173/silent-callback.html',
      origin: 'http://localhost:5173',
    })
  })

  it('follows the configured paths and the base path of a build', () => {
    const config = { ...CONFIG, redirectPath: '/signin-oidc', postLogoutRedirectPath: '/bye' }
    const registration = registrationFor(config, 8080, '/portal/')

    expect(registration.appUrl).toBe('http://localhost:8080/portal/')
    expect(registration.redirectUri).toBe('http://localhost:8080/portal/signin-oidc')
    expect(registration.postLogoutRedirectUri).toBe('http://localhost:8080/portal/bye')
    expect(registration.origin).toBe('http://localhost:8080')
  })

  it('leaves out the silent renewal page when renewal never uses the iframe', () => {
    const registration = registrationFor({ ...CONFIG, renewal: 'refresh-token' }, 5173, '/')
    expect(registration.silentRedirectUri).toBeUndefined()
  })
})

describe('ownProviderBanner', () => {
  const banner = (config = CONFIG) =>
    ownProviderBanner({
      configFile: 'my.json',
      config,
      registration: registrationFor(config, 5173, '/'),
      what: 'dev server with hot reload',
      seconds: '1.0',
    }).split('\n')

  it('prints where to open the app and each URI to register, one per line', () => {
    const lines = banner()

    expect(lines).toContain('  Open the app at http://localhost:5173/')
    expect(lines).toContain('    Redirect URI              http://localhost:5173/auth/callback')
    expect(lines).toContain('    Post-logout redirect URI  http://localhost:5173/')
    expect(lines).toContain(
      '    Silent renewal URI        http://localhost:5173/silent-callback.html',
    )
    expect(lines).toContain('    Allowed origin (CORS)     http://localhost:5173')
    expect(lines).toContain('  Provider  https://your-tenant.auth0.com/')
    expect(lines).toContain('    demo     https://demo.example.test')
  })

  it('does not ask to register the silent renewal page when it is never used', () => {
    const lines = banner({ ...CONFIG, renewal: 'refresh-token' })
    expect(lines.filter((line) => line.includes('silent-callback.html'))).toEqual([])
  })
})
