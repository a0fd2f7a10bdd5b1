import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { idleAhead } from './when-idle'

// jsdom has no requestIdleCallback: whenIdle falls back to a timer, which fake timers drive.
beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('idleAhead', () => {
  it('runs the work once the page idles, and hands it over', async () => {
    const work = vi.fn(() => Promise.resolve('router'))
    const ahead = idleAhead(work)

    ahead.schedule()
    ahead.schedule()
    expect(work).not.toHaveBeenCalled()
    await vi.runAllTimersAsync()

    expect(work).toHaveBeenCalledTimes(1)
    await expect(ahead.take()).resolves.toBe('router')
  })

  it('never starts work taken before the page idled', async () => {
    const work = vi.fn(() => Promise.resolve('router'))
    const ahead = idleAhead(work)

    ahead.schedule()
    expect(ahead.take()).toBeUndefined()
    ahead.schedule()
    await vi.runAllTimersAsync()

    expect(work).not.toHaveBeenCalled()
  })

  it('leaves a failure to whoever takes the work, without an unhandled rejection', async () => {
    vi.useRealTimers() // Node reports unhandled rejections between real macrotasks
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    try {
      const ahead = idleAhead(() => Promise.reject(new Error('chunk failed to load')))
      ahead.schedule()
      await new Promise((resolve) => setTimeout(resolve, 300)) // whenIdle's fallback: 200 ms
      await new Promise((resolve) => setImmediate(resolve))

      expect(unhandled).not.toHaveBeenCalled()
      await expect(ahead.take()).rejects.toThrow('chunk failed to load')
    } finally {
      process.off('unhandledRejection', unhandled)
    }
  })
})
