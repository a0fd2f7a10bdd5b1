/**
 * Runs one operation per key at a time: callers that arrive while it runs share its promise.
 * This is what turns N concurrent `getAccessToken` calls into one refresh grant.
 */
export function createSingleFlight<T>(): (key: string, operation: () => Promise<T>) => Promise<T> {
  const inFlight = new Map<string, Promise<T>>()
  return (key, operation) => {
    const running = inFlight.get(key)
    if (running) return running
    const started = operation().finally(() => inFlight.delete(key))
    inFlight.set(key, started)
    return started
  }
}
