// @vitest-environment node
import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { ApiError, ApiUnreachableError } from '../api/client'
import { AuthError } from '../auth/core'
import { ConfigError } from '../config'
import { UsageError } from '../errors'
import { apiFailureCode, USER_ERROR_CODES } from './user-error-codes'

/** The codes in the first column of docs/troubleshooting.md's "Codes" table. */
function documentedCodes(): string[] {
  const doc = readFileSync(new URL('../../docs/troubleshooting.md', import.meta.url), 'utf8')
  const table = doc.split('## Codes')[1]?.split('\n## ')[0] ?? ''
  return [...table.matchAll(/^\| `([a-z_]+)` +\|/gm)].map(([, code]) => code ?? '')
}

describe('the codes a user can see', () => {
  it('are each explained in docs/troubleshooting.md, and the table lists no other', () => {
    expect([...documentedCodes()].sort()).toEqual([...USER_ERROR_CODES].sort())
  })

  it('name what failed: configuration, the network, the API, or a bug', () => {
    expect(apiFailureCode(new ConfigError('config.json lacks an API', []))).toBe('config_invalid')
    expect(apiFailureCode(new ApiUnreachableError('https://api.example.test'))).toBe(
      'api_unreachable',
    )
    expect(apiFailureCode(new ApiError(404, 'Not found'))).toBe('api_refused')
    expect(apiFailureCode(new ApiError(503, 'Down'))).toBe('api_failed')
    expect(apiFailureCode(new ApiError(401, 'Wrong audience', undefined, 'Set audience'))).toBe(
      'api_token_rejected',
    )
    expect(apiFailureCode(new AuthError('timeout'))).toBe('timeout')
    expect(apiFailureCode(new UsageError('API paths start with a single "/"'))).toBe('app_error')
    expect(apiFailureCode(new TypeError('x is undefined'))).toBe('app_error')
  })
})
