// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { UsageError } from '../../../errors'
import { signInParams } from './sign-in-params'

describe('signInParams', () => {
  it('names the hints as the authorization request does, leaving out what is unset', () => {
    expect(
      signInParams({
        prompt: 'select_account',
        loginHint: 'alice@example.test',
        domainHint: 'contoso.com',
        uiLocales: ['fr-CA', 'fr'],
        extraParams: { connection: 'google-oauth2' },
      }),
    ).toEqual({
      prompt: 'select_account',
      login_hint: 'alice@example.test',
      domain_hint: 'contoso.com',
      ui_locales: 'fr-CA fr',
      connection: 'google-oauth2',
    })
    expect(signInParams({})).toEqual({})
  })

  it.each(['state', 'nonce', 'redirect_uri', 'code_challenge', 'scope', 'prompt', 'max_age'])(
    'refuses to let an extra parameter set %s, which Tessera sets itself',
    (name) => {
      expect(() => signInParams({ extraParams: { [name]: 'x' } })).toThrow(UsageError)
    },
  )

  it('refuses a prompt Tessera does not send from a page (none is for silent renewal)', () => {
    expect(() => signInParams({ prompt: 'none' as never })).toThrow(UsageError)
  })
})
