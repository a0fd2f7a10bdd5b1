/**
 * A signed-in page that reloads or navigates lets its lock go until its next page starts. A note
 * that it left tells a tab opened in that gap to wait this long for it: longer than a reload
 * takes on a loaded machine, short enough for a tab opened just after the last one closed.
 */
const LEFT_RECENTLY_MS = 3_000

/** Where tabs leave that note: storage every tab of the origin shares, holding a time only. */
export interface LeavingNote {
  readonly storage: Storage
  readonly now: () => number
}

/**
 * Whether a signed-in sibling tab exists, so a new tab waits for a sibling's answer only when
 * one can come, and redirects at once when none can. A signed-in tab holds a shared Web Lock;
 * the browser drops it when the tab closes, crashes or is discarded, so unlike a marker in
 * storage it is never stale.
 */
export class TabPresence {
  private readonly name: string
  private readonly locks: LockManager
  private readonly note: LeavingNote | undefined
  private release: (() => void) | undefined

  constructor(name: string, locks: LockManager, note?: LeavingNote) {
    this.name = name
    this.locks = locks
    this.note = note
  }

  /** Holds the lock while this tab has a session; releases it when the session ends. */
  update(signedIn: boolean): void {
    if (signedIn === (this.release !== undefined)) return
    if (!signedIn) {
      this.release?.()
      this.release = undefined
      // Signed out: no tab should wait for this one to come back.
      this.writeNote(undefined)
      return
    }
    // Created before the request, so a release that comes first still lets the lock go.
    const released = new Promise<void>((resolve) => {
      this.release = resolve
    })
    this.locks.request(this.name, { mode: 'shared' }, () => released).catch(() => undefined)
  }

  /** The page is going away (`pagehide`): if signed in, it may be back in a moment. */
  leaving(): void {
    if (this.release && this.note) this.writeNote(this.note.now())
  }

  /**
   * Whether another tab holds the lock, or has just asked for it (a page that reloaded with a
   * session); this tab must not: ask only without a session.
   */
  async othersSignedIn(): Promise<boolean> {
    const { held = [], pending = [] } = await this.locks.query()
    return [...held, ...pending].some((lock) => lock.name === this.name)
  }

  /** Whether a signed-in tab left moments ago (reloading, most likely) and may answer soon. */
  leftRecently(): boolean {
    if (!this.note) return false
    const left = Number(this.readNote())
    const ago = this.note.now() - left
    return left > 0 && ago >= 0 && ago < LEFT_RECENTLY_MS
  }

  private readNote(): string | null {
    try {
      return this.note?.storage.getItem(this.name) ?? null
    } catch {
      return null
    }
  }

  /** Storage can refuse (quota, privacy settings): the note is a hint, never required. */
  private writeNote(at: number | undefined): void {
    try {
      if (at === undefined) this.note?.storage.removeItem(this.name)
      else this.note?.storage.setItem(this.name, String(at))
    } catch {
      // Without the note a new tab behaves as before: it waits only for tabs it can see.
    }
  }
}
