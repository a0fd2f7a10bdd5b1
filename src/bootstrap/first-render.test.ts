import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { PROGRESS_PATIENCE_MS, renderWhenSettled } from './first-render'

function deferred() {
  let resolve: () => void = () => undefined
  let reject: (error: Error) => void = () => undefined
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('renderWhenSettled', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('renders once the work settles, before patience runs out, and only once', async () => {
    const work = deferred()
    const render = vi.fn()
    renderWhenSettled(work.promise, render)

    await vi.advanceTimersByTimeAsync(PROGRESS_PATIENCE_MS - 1)
    expect(render).not.toHaveBeenCalled()
    work.resolve()
    await vi.advanceTimersByTimeAsync(0)
    expect(render).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(PROGRESS_PATIENCE_MS)
    expect(render).toHaveBeenCalledTimes(1)
  })

  it('renders when the work fails, so the failure can be shown', async () => {
    const work = deferred()
    const render = vi.fn()
    renderWhenSettled(work.promise, render)

    work.reject(new Error('refused'))
    await vi.advanceTimersByTimeAsync(0)
    expect(render).toHaveBeenCalledTimes(1)
  })

  it('shows progress when the work is slow, and does not render again when it settles', async () => {
    const work = deferred()
    const render = vi.fn()
    renderWhenSettled(work.promise, render)

    await vi.advanceTimersByTimeAsync(PROGRESS_PATIENCE_MS)
    expect(render).toHaveBeenCalledTimes(1)
    work.resolve()
    await vi.advanceTimersByTimeAsync(0)
    expect(render).toHaveBeenCalledTimes(1)
  })

  it('renders nothing for a page that is leaving, unless the next page is slow to come', async () => {
    const work = deferred()
    const render = vi.fn()
    renderWhenSettled(work.promise, render, { leaving: () => true })

    work.resolve()
    await vi.advanceTimersByTimeAsync(PROGRESS_PATIENCE_MS - 1)
    expect(render).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(render).toHaveBeenCalledTimes(1)
  })
})
