import { afterEach, describe, expect, it, vi } from 'vitest'

import { whenIdle } from './when-idle'

describe('whenIdle', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('runs the task soon where requestIdleCallback is missing (Safari), and can be cancelled', () => {
    vi.useFakeTimers()
    vi.stubGlobal('requestIdleCallback', undefined)
    const ran = vi.fn()
    const cancelled = vi.fn()

    whenIdle(ran)
    whenIdle(cancelled)()
    vi.advanceTimersByTime(250)

    expect(ran).toHaveBeenCalledOnce()
    expect(cancelled).not.toHaveBeenCalled()
  })
})
