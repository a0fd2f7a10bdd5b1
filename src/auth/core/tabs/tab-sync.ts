import { isRecord } from '../protocol/http'
import { isValidSession, type Session } from '../session/session-store'
import type { TabPresence } from './tab-presence'

/**
 * A tab without a session asks its signed-in siblings again this often: one may be busy (a
 * loaded machine) or reloading, and a reloaded page never heard the first question.
 */
const ASK_AGAIN_MS = 250
/** A signed-in sibling that went away (reloading) is given this long to come back and answer. */
const RELOAD_GRACE_MS = 5_000
/** A sibling that holds a session but never answers (frozen, hung) is waited for this long. */
const MAX_SIBLING_WAIT_MS = 10_000
/** Without Web Locks a tab cannot know whether a sibling is signed in: a short wait, then go. */
const UNKNOWN_SIBLINGS_WAIT_MS = 150

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * What tabs of one origin tell each other. sessionStorage is per tab, but tabs opened with
 * `window.open` or duplicated share a refresh-token lineage: every rotation must reach them.
 */
export type TabMessage =
  | { readonly type: 'session'; readonly session: Session }
  | { readonly type: 'signed-out'; readonly reason: 'user' | 'expired' }
  | { readonly type: 'request-session'; readonly since: number }

/**
 * The transport: BroadcastChannel in browsers; tests pass an in-memory hub. What arrives is
 * `unknown`: each receiver parses it.
 */
export interface TabChannel<M = TabMessage> {
  post(message: M): void
  listen(handler: (message: unknown) => void): void
}

export function browserTabChannel<M = TabMessage>(name: string): TabChannel<M> | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined
  const channel = new BroadcastChannel(name)
  return {
    post: (message) => {
      channel.postMessage(message)
    },
    listen: (handler) => {
      channel.onmessage = (event: MessageEvent) => {
        handler(event.data)
      }
    },
  }
}

/** Validates an incoming message (same origin, but still data: parse, don't trust). */
export function parseTabMessage(
  data: unknown,
  expected: { issuer: string; clientId: string },
): TabMessage | undefined {
  if (!isRecord(data)) return undefined
  switch (data.type) {
    case 'session':
      return isValidSession(data.session, expected)
        ? { type: 'session', session: data.session }
        : undefined
    case 'signed-out':
      return data.reason === 'user' || data.reason === 'expired'
        ? { type: 'signed-out', reason: data.reason }
        : undefined
    case 'request-session':
      return typeof data.since === 'number'
        ? { type: 'request-session', since: data.since }
        : undefined
    default:
      return undefined
  }
}

export interface TabSyncHandlers {
  /** This tab's session, to answer siblings and compare ages. */
  current(): Session | null
  /** A sibling has a newer session (rotated tokens, or a sign-in this tab lacks). */
  adopt(session: Session): void
  /** A sibling signed out, or found the shared session dead. */
  signedOut(reason: 'user' | 'expired'): void
}

/** Keeps the tabs of one origin on one session: newest `updatedAt` wins. */
export class TabSync {
  private readonly channel: TabChannel
  private readonly handlers: TabSyncHandlers
  private siblingAnswered: (() => void) | undefined
  private readonly answered: Promise<void>

  private readonly presence: TabPresence | undefined

  constructor(
    channel: TabChannel,
    options: { issuer: string; clientId: string; presence: TabPresence | undefined },
    handlers: TabSyncHandlers,
  ) {
    this.channel = channel
    this.handlers = handlers
    this.presence = options.presence
    const expected = { issuer: options.issuer, clientId: options.clientId }
    channel.listen((data) => {
      this.receive(parseTabMessage(data, expected))
    })
    // One question, asked as the page starts: a copied or empty session may be stale, and a
    // sibling with a newer one sends it. Later sign-ins in a sibling are broadcast anyway.
    const local = handlers.current()
    this.answered = new Promise<void>((resolve) => {
      this.siblingAnswered = resolve
      void this.waitForSiblings(local !== null).then(resolve)
    }).finally(() => {
      this.siblingAnswered = undefined
    })
    channel.post({ type: 'request-session', since: local?.updatedAt ?? 0 })
    this.presence?.update(local !== null)
  }

  announce(session: Session): void {
    this.presence?.update(true)
    this.channel.post({ type: 'session', session })
  }

  signedOut(reason: 'user' | 'expired'): void {
    this.presence?.update(false)
    this.channel.post({ type: 'signed-out', reason })
  }

  /**
   * Resolves once a sibling's session was adopted, or when the siblings' time to answer the
   * page's question has passed (at once, long after the page started).
   */
  siblingsAnswered(): Promise<void> {
    return this.answered
  }

  /**
   * Resolves when no sibling's answer can matter any more. While a signed-in sibling exists, or
   * existed moments ago (reloading), the tab keeps asking; it goes to the provider only when no
   * signed-in tab is left, or one has held its session for the longest wait without answering.
   * So a signed-in user is never sent to the provider because a sibling was slow or reloading.
   */
  private async waitForSiblings(signedIn: boolean): Promise<void> {
    // Only a tab without a session waits before signing in; one with a session never does.
    if (signedIn) return
    if (!this.presence) {
      await delay(UNKNOWN_SIBLINGS_WAIT_MS)
      return
    }
    // Counted in rounds, not read from a clock: a busy page's rounds only get longer.
    const graceRounds = RELOAD_GRACE_MS / ASK_AGAIN_MS
    let roundsSinceSeen = Infinity
    for (let round = 0; round < MAX_SIBLING_WAIT_MS / ASK_AGAIN_MS; round++) {
      const present = await this.presence.othersSignedIn().catch(() => false)
      roundsSinceSeen = present ? 0 : roundsSinceSeen + 1
      // A signed-in sibling that left its page moments ago (reloading) may be back soon.
      const expected = roundsSinceSeen <= graceRounds || this.presence.leftRecently()
      if (!expected || this.answeredYet()) return
      if (round > 0) this.channel.post({ type: 'request-session', since: 0 })
      await delay(ASK_AGAIN_MS)
    }
  }

  /** Whether the page's question is settled (a sibling's session was adopted). */
  private answeredYet(): boolean {
    return this.siblingAnswered === undefined
  }

  private receive(message: TabMessage | undefined): void {
    const local = this.handlers.current()
    switch (message?.type) {
      case 'session':
        if (local && message.session.updatedAt <= local.updatedAt) return
        this.handlers.adopt(message.session)
        this.presence?.update(true)
        this.siblingAnswered?.()
        return
      case 'signed-out':
        if (!local) return
        this.presence?.update(false)
        this.handlers.signedOut(message.reason)
        return
      case 'request-session':
        if (local && local.updatedAt > message.since) this.announce(local)
        return
      case undefined:
        return
    }
  }
}
