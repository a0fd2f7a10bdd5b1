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

describe('loadConfig clock offset', () => {
  const config = {
    authority: 'https://idp.example.com',
    clientId: 'spa',
    scopes: ['openid'],
    apis: { demo: { baseUrl: 'https://api.example.com', scopes: ['read'] } },
  }
  const withDate = (date: Date) =>
    fetchReturning(Response.json(config, { headers: { Date: date.toUTCString() } }))

  it('measures how far the device clock is off from the host', async () => {
    const { clockOffsetMs } = await loadConfig(
      '/config.json',
      withDate(new Date(Date.now() + 600_000)),
    )

    expect(clockOffsetMs).toBeGreaterThan(595_000)
    expect(clockOffsetMs).toBeLessThan(605_000)
  })

  // SEC-48: a correction is for a clock minutes or hours off; a day or more is a broken clock
  // (or a broken Date header), reported rather than trusted.
  it('does not correct a clock a day or more off, and reports how far off it is', async () => {
    const daysAhead = 3 * 24 * 3600_000
    const loaded = await loadConfig('/config.json', withDate(new Date(Date.now() + daysAhead)))

    expect(loaded.clockOffsetMs).toBe(0)
    expect(loaded.deviceClockOffMs).toBeGreaterThan(daysAhead - 5_000)
  })

  it('ignores differences within the header’s resolution', async () => {
    const { clockOffsetMs } = await loadConfig('/config.json', withDate(new Date()))

    expect(clockOffsetMs).toBe(0)
  })
})
