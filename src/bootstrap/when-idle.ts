/** Runs `task` when the browser is idle (or soon, where requestIdleCallback is missing: Safari). */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 2_000 })
    return () => {
      cancelIdleCallback(id)
    }
  }
  const id = setTimeout(task, 200)
  return () => {
    clearTimeout(id)
  }
}

/** Work that may run early, while the page idles; see `idleAhead`. */
export interface IdleAhead<T> {
  /** Runs the work when the browser next idles, unless it was taken by then. */
  schedule(): void
  /** The work, if it started; it will not start after this. */
  take(): Promise<T> | undefined
}

/**
 * Work worth doing before it is needed, if the page happens to idle first: `take` hands over
 * what started (its failure is the taker's to report) and cancels what did not.
 */
export function idleAhead<T>(work: () => Promise<T>): IdleAhead<T> {
  let started: Promise<T> | undefined
  let taken = false
  let cancel: (() => void) | undefined
  return {
    schedule() {
      if (taken || started || cancel) return
      cancel = whenIdle(() => {
        if (taken) return
        started = work()
        started.catch(() => undefined) // reported by whoever takes it
      })
    },
    take() {
      taken = true
      cancel?.()
      return started
    },
  }
}
