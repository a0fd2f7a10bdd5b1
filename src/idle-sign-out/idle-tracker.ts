import type { TabChannel } from '../auth/core'
import { type IdleMessage, parseIdleMessage } from './idle-message'

/** Where a tab's idle tracking is. */
export type IdlePhase =
  /** Not tracking (signed out). */
  | { readonly phase: 'stopped' }
  | { readonly phase: 'active' }
  /** No activity for a while: the sign-out comes at `deadline` (epoch ms) unless someone stays. */
  | { readonly phase: 'warning'; readonly deadline: number }
  /** The deadline passed with no activity in any tab. Final until `start` again. */
  | { readonly phase: 'expired' }

/**
 * Activity is recorded (and told to the other tabs) at most this often: a moving pointer fires
 * dozens of events a second, and a sign-out measured in minutes needs no finer grain.
 */
export const ACTIVITY_GRANULARITY_MS = 1_000
/** How long a tab at its deadline waits for the other tabs to tell of newer activity. */
export const SIBLING_ANSWER_MS = 200
/**
 * The longest a tab sleeps between checks. A timer only wakes the tracker, which then reads the
 * clock; and an operating system's sleep can pause timers without pausing the clock, so a
 * short nap bounds how late a woken machine notices.
 */
export const MAX_CHECK_INTERVAL_MS = 5_000

export interface IdleTrackerOptions {
  readonly timeoutMs: number
  /** How long before the deadline the warning starts; shorter than `timeoutMs`. */
  readonly warningMs: number
  /** To the app's other tabs; none: this tab alone. */
  readonly channel?: TabChannel<IdleMessage> | undefined
  readonly now?: () => number
}

const STOPPED: IdlePhase = { phase: 'stopped' }

/**
 * Tracks the time since the user's last activity in any tab of the app, by timestamps: the
 * tabs share the time of the last activity, and every decision compares that time with the
 * clock. Timers only say when to look again, so a tab that was hidden, throttled or asleep
 * decides from the clock as it wakes: at once when the deadline passed meanwhile, never early.
 * React-free (a store for `useSyncExternalStore`).
 */
export class IdleTracker {
  private readonly timeoutMs: number
  private readonly warningMs: number
  private readonly channel: TabChannel<IdleMessage> | undefined
  private readonly now: () => number
  private readonly listeners = new Set<() => void>()
  private state: IdlePhase = STOPPED
  /** The last activity in any tab (epoch ms). */
  private lastActivity = 0
  /** Set at the deadline: the other tabs were asked, and may answer until then. */
  private answersUntil: number | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  /** When the timer fires: before then, no boundary has passed and the phase is current. */
  private checkDueAt = 0

  constructor(options: IdleTrackerOptions) {
    this.timeoutMs = options.timeoutMs
    this.warningMs = options.warningMs
    this.channel = options.channel
    this.now = options.now ?? Date.now
    this.channel?.listen((data) => {
      this.receive(parseIdleMessage(data))
    })
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getSnapshot = (): IdlePhase => this.state

  /** Starts tracking (a sign-in, or a signed-in page load): that counts as activity. */
  start(): void {
    if (this.state.phase !== 'stopped' && this.state.phase !== 'expired') return
    this.answersUntil = undefined
    this.record(this.now())
    this.set({ phase: 'active' })
    this.check()
  }

  stop(): void {
    clearTimeout(this.timer)
    this.set(STOPPED)
  }

  /**
   * The user did something in this tab. It keeps the session only while it is active: during
   * the warning only "Stay signed in" does, and after the deadline nothing does. A tab waking
   * from sleep reports its first event here, so the clock is read before the event counts.
   */
  activity(): void {
    const now = this.now()
    if (now >= this.checkDueAt) this.check()
    if (this.state.phase !== 'active') return
    if (now - this.lastActivity >= ACTIVITY_GRANULARITY_MS) this.record(now)
  }

  /** "Stay signed in": counts as activity during the warning too, in every tab. */
  stay(): void {
    this.check()
    if (this.state.phase !== 'active' && this.state.phase !== 'warning') return
    this.record(this.now())
    this.check()
  }

  /** Whether the deadline has passed: a sign-out now is the idle one, whichever tab made it. */
  deadlinePassed(): boolean {
    return this.lastActivity > 0 && this.now() >= this.lastActivity + this.timeoutMs
  }

  /** Reads the clock and moves to the phase it says; wakes up again at the next boundary. */
  check(): void {
    if (this.state.phase === 'stopped' || this.state.phase === 'expired') return
    clearTimeout(this.timer)
    const now = this.now()
    const deadline = this.lastActivity + this.timeoutMs
    if (now < deadline) {
      this.answersUntil = undefined
      const warningAt = deadline - this.warningMs
      if (now < warningAt) {
        this.set({ phase: 'active' })
        this.wakeIn(warningAt - now)
      } else {
        this.set({ phase: 'warning', deadline })
        this.wakeIn(deadline - now)
      }
      return
    }
    if (this.answersUntil === undefined) {
      // Before signing every tab out, hear the others: one may have seen activity this tab
      // missed while it was frozen or asleep.
      this.answersUntil = now + SIBLING_ANSWER_MS
      this.channel?.post({ type: 'ask' })
    }
    if (now >= this.answersUntil) {
      this.set({ phase: 'expired' })
      // Every tab signs out now, even one whose own timer is late: it hears it here.
      this.channel?.post({ type: 'expired', at: this.lastActivity })
      return
    }
    this.set({ phase: 'warning', deadline })
    this.wakeIn(this.answersUntil - now)
  }

  private wakeIn(ms: number): void {
    const delay = Math.min(ms, MAX_CHECK_INTERVAL_MS)
    this.checkDueAt = this.now() + delay
    this.timer = setTimeout(() => {
      this.check()
    }, delay)
  }

  private record(at: number): void {
    this.lastActivity = Math.max(this.lastActivity, at)
    this.channel?.post({ type: 'activity', at: this.lastActivity })
  }

  private receive(message: IdleMessage | undefined): void {
    if (this.state.phase === 'stopped' || this.state.phase === 'expired') return
    switch (message?.type) {
      case 'activity':
        // Never later than this tab's clock: a sibling's time cannot postpone the deadline
        // further than the activity it reports.
        if (message.at > this.lastActivity) {
          this.lastActivity = Math.min(message.at, this.now())
          this.check()
        }
        return
      case 'ask':
        this.channel?.post({ type: 'activity', at: this.lastActivity })
        return
      case 'expired':
        // The sender heard every tab's answer before deciding.
        clearTimeout(this.timer)
        this.set({ phase: 'expired' })
        return
      case undefined:
        return
    }
  }

  private set(next: IdlePhase): void {
    const current = this.state
    const same =
      current.phase === next.phase &&
      (current.phase !== 'warning' ||
        next.phase !== 'warning' ||
        current.deadline === next.deadline)
    if (same) return
    this.state = next
    for (const listener of this.listeners) listener()
  }
}
