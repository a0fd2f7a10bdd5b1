// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { createSingleFlight } from './single-flight'

describe('createSingleFlight', () => {
  it('shares one run among concurrent callers of a key', async () => {
    const once = createSingleFlight<number>()
    let runs = 0
    const operation = async () => {
      runs++
      await Promise.resolve()
      return runs
    }

    const results = await Promise.all([once('k', operation), once('k', operation)])

    expect(results).toEqual([1, 1])
    expect(runs).toBe(1)
  })

  it('runs different keys independently and again after settling, even after a failure', async () => {
    const once = createSingleFlight<string>()

    await expect(once('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(once('a', () => Promise.resolve('again'))).resolves.toBe('again')
    await expect(once('b', () => Promise.resolve('b'))).resolves.toBe('b')
  })
})
