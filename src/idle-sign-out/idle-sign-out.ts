import type { AuthClient } from '../auth/core'
import type { IdleTracker } from './idle-tracker'

/** What the app shows of the idle sign-out. */
export type IdleSignOutView =
  | { readonly kind: 'nothing' }
  /** The warning dialog, counting down to `deadline` (epoch ms). */
  | { readonly kind: 'warning'; readonly deadline: number }
  /** Why the user is signed out: no activity for the configured time. */
  | { readonly kind: 'signed-out' }

const NOTHING: IdleSignOutView = { kind: 'nothing' }
const SIGNED_OUT: IdleSignOutView = { kind: 'signed-out' }

/**
 * Set in this tab's sessionStorage by the tab that ends the provider session, just before it
 * leaves for the provider: the page the provider sends it back to says why.
 */
const SIGNED_OUT_MARK = 'tessera.idle-signed-out'

export interface IdleSignOutOptions {
  readonly auth: AuthClient
  readonly tracker: IdleTracker
  readonly timeoutMs: number
  /** This tab's sessionStorage. */
  readonly storage?: Storage
  /** Web Locks, shared by the app's tabs; without them, every tab signs out on its own. */
  readonly locks?: LockManager | undefined
  /** Resolves when this page is left (for the provider): until then, no other tab leaves. */
  readonly pageLeft?: () => Promise<void>
}

function untilPageHide(): Promise<void> {
  return new Promise((resolve) => {
    window.addEventListener(
      'pagehide',
      () => {
        resolve()
      },
      { once: true },
    )
  })
}

/**
 * Signs every tab out after the configured time without activity in any of them: tracks while
 * signed in, and at the deadline the first tab to take a lock signs out in full (the session in
 * every tab, the refresh token revoked, the provider's session ended: `AuthClient.signOut`); its
 * message clears the other tabs, which only say why. A deliberate sign-out, as by the user:
 * drafts and cached data go with the session (src/app/session-policies.ts).
 */
export class IdleSignOut {
  readonly timeoutMs: number
  private readonly auth: AuthClient
  private readonly tracker: IdleTracker
  private readonly storage: Storage
  private readonly locks: LockManager | undefined
  private readonly pageLeft: () => Promise<void>
  private readonly lockName: string
  private readonly listeners = new Set<() => void>()
  private signedIn = false
  private signedOutIdle: boolean
  private view: IdleSignOutView = NOTHING

  constructor(options: IdleSignOutOptions) {
    this.auth = options.auth
    this.tracker = options.tracker
    this.timeoutMs = options.timeoutMs
    this.storage = options.storage ?? sessionStorage
    this.locks = options.locks
    this.pageLeft = options.pageLeft ?? untilPageHide
    const { authority, clientId } = options.auth.config
    this.lockName = `tessera-idle-sign-out:${authority}|${clientId}`
    this.signedOutIdle = this.storage.getItem(SIGNED_OUT_MARK) !== null
    this.storage.removeItem(SIGNED_OUT_MARK)
    this.auth.subscribe(() => {
      this.followSession()
    })
    this.tracker.subscribe(() => {
      this.followTracker()
    })
    this.followSession()
    this.publish()
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getSnapshot = (): IdleSignOutView => this.view

  /** "Stay signed in": every tab's warning ends. */
  stay(): void {
    this.tracker.stay()
  }

  private followSession(): void {
    // A step-up keeps the user while it redirects: only the end of the session stops tracking.
    const signedIn = this.auth.getSnapshot().user !== null
    if (signedIn !== this.signedIn) {
      this.signedIn = signedIn
      if (signedIn) {
        this.signedOutIdle = false
        this.tracker.start()
      } else {
        // Another tab's idle sign-out can reach this tab before its own timer does (hidden,
        // throttled): the clock tells whether this is that sign-out.
        if (this.tracker.deadlinePassed()) this.signedOutIdle = true
        this.tracker.stop()
      }
    }
    this.publish()
  }

  private followTracker(): void {
    if (this.tracker.getSnapshot().phase === 'expired' && !this.signedOutIdle) {
      this.signedOutIdle = true
      this.endSession().catch((error: unknown) => {
        console.error('Tessera: the idle sign-out failed.', error)
      })
    }
    this.publish()
  }

  /** One tab ends the session everywhere; the others find it ended and only say why. */
  private async endSession(): Promise<void> {
    const signOut = async () => {
      // A tab that got here first signed every tab out; its message cleared this one.
      if (this.auth.getSnapshot().user === null) return
      this.storage.setItem(SIGNED_OUT_MARK, '1')
      await this.auth.signOut()
      // Held until this page is gone, so no other tab leaves for the provider as well.
      await this.pageLeft()
    }
    await (this.locks ? this.locks.request(this.lockName, signOut) : signOut())
  }

  private publish(): void {
    const phase = this.tracker.getSnapshot()
    // Said once the session is gone here; the tab leaving for the provider says it on the
    // page it comes back to.
    const next: IdleSignOutView = this.signedOutIdle
      ? this.auth.getSnapshot().status === 'signed-out'
        ? SIGNED_OUT
        : NOTHING
      : phase.phase === 'warning'
        ? this.view.kind === 'warning' && this.view.deadline === phase.deadline
          ? this.view
          : { kind: 'warning', deadline: phase.deadline }
        : NOTHING
    if (next === this.view) return
    this.view = next
    for (const listener of this.listeners) listener()
  }
}
