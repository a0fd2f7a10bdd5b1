// @vitest-environment node
import { describe, expect, it } from 'vitest'

import type { SignInDiagnosis } from '../auth/core'
import { clockText, diagnosisReport } from './diagnosis-report'

const diagnosis: SignInDiagnosis = {
  redirectUri: 'https://app.example.com/auth/callback',
  postLogoutRedirectUri: 'https://app.example.com/',
  silentRedirectUri: undefined,
  authority: 'https://login.example.com/tenant/v2.0',
  expectedIssuer: 'https://login.example.com/tenant/v2.0',
  discovery: {
    url: 'https://login.example.com/tenant/v2.0/.well-known/openid-configuration',
    issuer: 'https://login.example.com/other/v2.0',
    problem: 'The provider identified itself as a different issuer.',
    endpoints: [
      { name: 'token_endpoint', url: 'https://tokens.example.net/token', allowed: false },
    ],
  },
  clockOffsetMs: 90_000,
  lastError: {
    code: 'token_request_failed',
    message: 'The identity provider refused to issue tokens.',
    fix: 'Register the app as a single-page application.',
    providerError: 'invalid_request',
    providerErrorDescription: 'AADSTS9002326: Cross-origin token redemption is permitted only…',
  },
  tokens: [
    {
      api: 'orders',
      expiresInMs: 300_000,
      claims: { aud: 'api://orders', scope: 'read', iss: 'https://login.example.com', exp: 0 },
    },
    { api: 'notes', expiresInMs: undefined, claims: undefined },
  ],
}

describe('diagnosisReport', () => {
  it('says what to register, what discovery says and why it is refused, the clock and the last failure', () => {
    const report = diagnosisReport(diagnosis, new Date(0))

    expect(report).toContain('redirect URI:             https://app.example.com/auth/callback')
    expect(report).toContain('issuer:        https://login.example.com/other/v2.0')
    expect(report).toContain('verdict:       The provider identified itself')
    expect(report).toContain('tokens.example.net/token  (origin not allowed: providerOrigins)')
    expect(report).toContain('Clock: 90 s behind the host')
    expect(report).toContain('the provider said: invalid_request: AADSTS9002326')
    expect(report).toContain('orders: expires in 300 s; aud="api://orders" scope="read"')
    expect(report).toContain('notes: none yet')
  })

  it('words the clock', () => {
    expect(clockText(300)).toBe('in step with the host')
    expect(clockText(-5_000)).toBe('5 s ahead of the host (corrected for token times)')
  })
})
