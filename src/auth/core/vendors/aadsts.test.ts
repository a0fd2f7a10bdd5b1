// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { providerErrorFix } from './aadsts'
import { aadstsCode } from './aadsts-code'

describe('AADSTS fixes', () => {
  it.each([
    [
      'invalid_request',
      'AADSTS50011: The redirect URI … does not match',
      'Single-page application',
    ],
    ['invalid_request', 'AADSTS9002326: Cross-origin token redemption …', 'platform'],
    ['invalid_request', 'AADSTS9002327: Tokens issued for the SPA client-type …', 'browser page'],
    ['consent_required', 'AADSTS65001: The user or administrator has not consented', 'consent'],
    ['access_denied', 'AADSTS65004: User declined to consent to access the app.', 'declined'],
    ['interaction_required', 'AADSTS50058: A silent sign-in request was sent', 'Sign in again'],
    ['invalid_request', 'AADSTS700054: response_type id_token is not enabled', 'ID tokens'],
    ['invalid_request', 'AADSTS28000: … contains more than one resource', 'oneResourcePerRequest'],
    ['invalid_request', 'AADSTS28003: … scope cannot be empty', 'oneResourcePerRequest'],
    ['invalid_request', "AADSTS90014: The required field 'scope' is missing", 'clientId'],
    [
      'invalid_request',
      "AADSTS901002: The 'resource' request parameter isn't supported",
      'resource',
    ],
  ])('%s %s → a plain fix', (error, description, fix) => {
    expect(providerErrorFix(error, description)).toContain(fix)
  })

  it('falls back on the OAuth error for an unlisted AADSTS code, and leaves other providers be', () => {
    expect(providerErrorFix('access_denied', 'AADSTS12345: something new')).toContain('declined')
    expect(providerErrorFix('access_denied', 'The user cancelled.')).toBeUndefined()
    expect(aadstsCode('Trace ID: x AADSTS50011: y')).toBe('AADSTS50011')
  })
})
