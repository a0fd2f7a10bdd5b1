// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { deployWarnings } from './deploy-warnings'

const DAY = 24 * 3600_000

describe('deployWarnings', () => {
  it('SEC-49: warns when diagnostics are on anywhere but loopback', () => {
    const on = { diagnostics: true }

    expect(
      deployWarnings({ config: on, origin: 'https://app.example.com', deviceClockOffMs: 0 }),
    ).toMatchObject([
      { code: 'diagnostics_exposed', message: expect.stringContaining('app.example.com') },
    ])
    for (const origin of ['http://127.0.0.1:5173', 'http://localhost:5173', 'http://[::1]:5173']) {
      expect(deployWarnings({ config: on, origin, deviceClockOffMs: 0 })).toEqual([])
    }
    expect(
      deployWarnings({
        config: { diagnostics: false },
        origin: 'https://x.test',
        deviceClockOffMs: 0,
      }),
    ).toEqual([])
  })

  it('SEC-48: reports a device clock a day or more off, which is not corrected', () => {
    const config = { diagnostics: false }
    const origin = 'https://app.example.com'

    expect(deployWarnings({ config, origin, deviceClockOffMs: 3 * DAY })).toMatchObject([
      { code: 'device_clock_wrong', message: expect.stringContaining('3 days behind') },
    ])
    expect(deployWarnings({ config, origin, deviceClockOffMs: -DAY })).toMatchObject([
      { message: expect.stringContaining('1 day ahead of') },
    ])
    expect(deployWarnings({ config, origin, deviceClockOffMs: 5 * 3600_000 })).toEqual([])
  })
})
