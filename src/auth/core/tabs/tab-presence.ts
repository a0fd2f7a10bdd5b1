/**
 * Whether a signed-in sibling tab exists, so a new tab waits for a sibling's answer only when
 * one can come, and redirects at once when none can. A signed-in tab holds a shared Web Lock;
 * the browser drops it when the tab closes, crashes or is discarded, so unlike a marker in
 * storage it is never stale.
 */
export class TabPresence {
  private readonly name: string
  private readonly locks: LockManager
  private release: (() => void) | undefined

  constructor(name: string, locks: LockManager) {
    this.name = name
    this.locks = locks
  }

  /** Holds the lock while this tab has a session; releases it when the session ends. */
  update(signedIn: boolean): void {
    if (signedIn === (this.release !== undefined)) return
    if (!signedIn) {
      this.release?.()
      this.release = undefined
      return
    }
    // Created before the request, so a release that comes first still lets the lock go.
    const released = new Promise<void>((resolve) => {
      this.release = resolve
    })
    this.locks.request(this.name, { mode: 'shared' }, () => released).catch(() => undefined)
  }

  /**
   * Whether another tab holds the lock, or has just asked for it (a page that reloaded with a
   * session); this tab must not: ask only without a session.
   */
  async othersSignedIn(): Promise<boolean> {
    const { held = [], pending = [] } = await this.locks.query()
    return [...held, ...pending].some((lock) => lock.name === this.name)
  }
}
