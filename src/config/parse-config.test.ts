// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { ConfigError } from './config-error'
import { parseConfig } from './parse-config'

const valid = {
  authority: 'https://login.example.com/tenant/v2.0',
  clientId: 'abc',
  scopes: ['openid', 'profile'],
  apis: { demo: { baseUrl: 'https://api.example.com', scopes: ['api:read'] } },
}

function problemsOf(input: unknown) {
  try {
    parseConfig(input)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('parseConfig', () => {
  it('fills the documented defaults', () => {
    const config = parseConfig(valid)

    expect(config.redirectPath).toBe('/auth/callback')
    expect(config.postLogoutRedirectPath).toBe('/')
    expect(config.renewal).toBe('auto')
    expect(config.apis.demo).toEqual({ baseUrl: 'https://api.example.com', scopes: ['api:read'] })
  })

  it('names the renewal strategies it accepts', () => {
    expect(parseConfig({ ...valid, renewal: 'iframe' }).renewal).toBe('iframe')
    expect(problemsOf({ ...valid, renewal: 'silent' })).toEqual([
      { path: 'renewal', message: 'must be "auto", "refresh-token" or "iframe"' },
    ])
  })

  it('takes maxSessionAge in positive minutes, unlimited unless set', () => {
    expect(parseConfig(valid)).not.toHaveProperty('maxSessionAge')
    expect(parseConfig({ ...valid, maxSessionAge: 480 }).maxSessionAge).toBe(480)
    expect(problemsOf({ ...valid, maxSessionAge: 0 })).toEqual([
      { path: 'maxSessionAge', message: 'must be a positive number of minutes' },
    ])
    expect(problemsOf({ ...valid, maxSessionAge: '8h' })).toEqual([
      { path: 'maxSessionAge', message: 'must be a number of minutes' },
    ])
  })

  it('allows plain http only on loopback', () => {
    expect(() =>
      parseConfig({ ...valid, authority: 'http://127.0.0.1:9400', clientId: 'x' }),
    ).not.toThrow()
    expect(problemsOf({ ...valid, authority: 'http://idp.example.com' })).toEqual([
      { path: 'authority', message: expect.stringContaining('https') },
    ])
  })

  it('lists every problem with the key it concerns', () => {
    const problems = problemsOf({
      authority: 'not a url',
      scopes: ['profile'],
      redirectPath: '//evil',
      apis: { demo: { baseUrl: 'http://api.example.com', scopes: [], extra: 1 } },
    })

    expect(problems.map((p) => p.path).sort()).toEqual([
      'apis.demo.baseUrl',
      'apis.demo.extra',
      'apis.demo.scopes',
      'authority',
      'clientId',
      'redirectPath',
      'scopes',
    ])
    expect(problems.find((p) => p.path === 'clientId')?.message).toBe('is required')
  })

  it('takes an Auth0 audience, which need not be a URL', () => {
    const config = parseConfig({
      ...valid,
      apis: { demo: { baseUrl: 'https://api.example.com', scopes: ['read'], audience: 'orders' } },
    })

    expect(config.apis.demo).toEqual({
      baseUrl: 'https://api.example.com',
      scopes: ['read'],
      audience: 'orders',
    })
  })

  it('refuses an API with both resource and audience', () => {
    expect(
      problemsOf({
        ...valid,
        apis: {
          demo: {
            baseUrl: 'https://api.example.com',
            scopes: ['read'],
            resource: 'https://api.example.com',
            audience: 'https://api.example.com',
          },
        },
      }),
    ).toEqual([{ path: 'apis.demo.audience', message: expect.stringContaining('"resource"') }])
  })

  describe('idle sign-out', () => {
    it('is off unless idleTimeout is set, and warns 60 seconds before unless idleWarning says', () => {
      expect(parseConfig(valid).idleTimeout).toBeUndefined()
      expect(parseConfig({ ...valid, idleTimeout: 15 })).toMatchObject({
        idleTimeout: 15,
        idleWarning: 60,
      })
      expect(parseConfig({ ...valid, idleTimeout: 0.5, idleWarning: 10 })).toMatchObject({
        idleTimeout: 0.5,
        idleWarning: 10,
      })
    })

    it('names each idle key that cannot work, with the other problems', () => {
      expect(problemsOf({ ...valid, clientId: '', idleTimeout: 0, idleWarning: 1.5 })).toEqual([
        { path: 'clientId', message: 'must not be empty' },
        { path: 'idleTimeout', message: 'must be a positive number of minutes' },
        { path: 'idleWarning', message: 'must be a whole number of seconds' },
      ])
      expect(problemsOf({ ...valid, idleTimeout: '15' })).toEqual([
        { path: 'idleTimeout', message: 'must be a number of minutes' },
      ])
    })

    it('refuses a warning that does not come before the sign-out, or comes without one', () => {
      expect(problemsOf({ ...valid, idleTimeout: 1, idleWarning: 60 })).toEqual([
        { path: 'idleWarning', message: 'must be shorter than idleTimeout (60 seconds)' },
      ])
      expect(problemsOf({ ...valid, idleWarning: 30 })).toEqual([
        { path: 'idleWarning', message: expect.stringContaining('without "idleTimeout"') },
      ])
    })
  })

  it('rejects a file that is not an object', () => {
    expect(problemsOf([1, 2])).toHaveLength(1)
  })

  it('requires at least one API', () => {
    expect(problemsOf({ ...valid, apis: {} })).toEqual([
      { path: 'apis', message: 'must configure at least one API' },
    ])
  })

  describe('oneResourcePerRequest (Entra)', () => {
    const entra = {
      authority: 'https://login.microsoftonline.com/common/v2.0',
      clientId: 'abc',
      scopes: ['openid', 'profile', 'offline_access'],
      oneResourcePerRequest: true,
      clientCapabilities: ['cp1'],
      apis: {
        orders: { baseUrl: 'https://orders.example.com', scopes: ['api://orders/access_as_user'] },
        graph: { baseUrl: 'https://graph.microsoft.com/v1.0', scopes: ['User.Read', 'Mail.Read'] },
      },
    }

    it('accepts one resource per API, capabilities and an explicit issuer', () => {
      const config = parseConfig({ ...entra, issuer: 'https://x.b2clogin.com/t/v2.0/' })

      expect(config).toMatchObject({ oneResourcePerRequest: true, clientCapabilities: ['cp1'] })
      expect(config.issuer).toBe('https://x.b2clogin.com/t/v2.0/')
    })

    it('names every scope the provider would refuse, by key', () => {
      expect(
        problemsOf({
          ...entra,
          scopes: ['openid', 'User.Read'],
          apis: {
            orders: {
              baseUrl: 'https://orders.example.com',
              scopes: ['api://orders/read', 'api://stock/read'],
              resource: 'https://orders.example.com',
            },
            other: { baseUrl: 'https://o.example.com', scopes: ['api://o/.default', 'api://o/x'] },
          },
        }),
      ).toEqual([
        { path: 'apis.orders.scopes', message: expect.stringContaining('AADSTS28000') },
        { path: 'apis.orders.resource', message: expect.stringContaining('AADSTS901002') },
        { path: 'apis.other.scopes', message: expect.stringContaining('.default') },
        { path: 'scopes', message: expect.stringContaining('AADSTS28000') },
        { path: 'scopes', message: expect.stringContaining('offline_access') },
      ])
    })

    it('refuses an http issuer off loopback and capability names with spaces', () => {
      expect(
        problemsOf({ ...entra, issuer: 'http://x.example/', clientCapabilities: ['c p'] }),
      ).toEqual([
        { path: 'issuer', message: expect.stringContaining('https') },
        { path: 'clientCapabilities.0', message: expect.stringContaining('capability') },
      ])
    })
  })
})
