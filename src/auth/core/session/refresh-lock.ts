/**
 * Serialises refresh-token use. A rotating refresh token may be redeemed once (RFC 9700
 * §4.14.2): two grants in flight with the same token make the provider revoke the session. Web
 * Locks serialise across tabs of this origin as well; without them, a promise chain serialises
 * this tab.
 */
export function createRefreshLock(
  name: string,
  locks: LockManager | undefined,
): <T>(task: () => Promise<T>) => Promise<T> {
  if (locks) return (task) => locks.request(name, task)
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task)
    tail = run.catch(() => undefined)
    return run
  }
}

export function browserLocks(): LockManager | undefined {
  // Typed as always present, but absent in older browsers and in jsdom.
  return typeof navigator === 'undefined' ? undefined : navigator.locks
}
