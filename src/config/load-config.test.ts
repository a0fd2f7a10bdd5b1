// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { ConfigError } from './config-error'
import { loadConfig } from './load-config'

const fetchReturning = (response: Response) => () => Promise.resolve(response)

describe('loadConfig', () => {
  it('explains a missing file', async () => {
    const load = loadConfig('/config.json', fetchReturning(new Response('', { status: 404 })))

    await expect(load).rejects.toBeInstanceOf(ConfigError)
    await expect(load).rejects.toThrow(/answered 404/)
  })

  it('explains invalid JSON', async () => {
    await expect(
      loadConfig('/config.json', fetchReturning(new Response('{ "authority": '))),
    ).rejects.toThrow(/not valid JSON/)
  })

  it('explains an unreachable site', async () => {
    await expect(
      loadConfig('/config.json', () => Promise.reject(new TypeError('Failed to fetch'))),
    ).rejects.toThrow(/Could not download/)
  })
})
