/** Waiting for the page, by polling: what the engine matrix does instead of sleeping. */

export const WAIT_TIMEOUT_MS = 10_000
const POLL_MS = 100

/**
 * Polls `find` until it returns a value other than `null`; throws after the timeout. A throw
 * from `find` counts as "not yet": a page between two documents refuses scripts and forgets the
 * elements a driver held.
 */
export async function untilShown<T>(
  find: () => Promise<T | null>,
  what: string,
  timeoutMs = WAIT_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  for (;;) {
    try {
      const found = await find()
      if (found !== null) return found
    } catch (error) {
      lastError = error
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : ''
      throw new Error(`No ${what} was shown within ${String(timeoutMs)} ms${why}`)
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

/** `find`, with a throw taken as "nothing shown" (see `untilShown`). */
export async function orNull<T>(find: () => Promise<T | null>): Promise<T | null> {
  try {
    return await find()
  } catch {
    return null
  }
}
