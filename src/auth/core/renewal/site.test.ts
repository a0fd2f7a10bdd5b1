// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { isSurelyCrossSite } from './site'

describe('isSurelyCrossSite', () => {
  it.each([
    ['http://127.0.0.1:5173', 'http://127.0.0.1:9400', false],
    ['https://app.example.com', 'https://login.example.com', false],
    ['https://example.com', 'https://login.example.com/tenant', false],
    ['http://localhost:5173', 'http://127.0.0.1:9400', true],
    ['https://app.example.com', 'https://example.auth0.com', true],
    ['http://app.example.com', 'https://login.example.com', true],
    ['https://app.contoso.com', 'https://login.microsoftonline.com/tid/v2.0', true],
  ])('%s and %s: %s', (app, provider, expected) => {
    expect(isSurelyCrossSite(app, provider)).toBe(expected)
  })
})
