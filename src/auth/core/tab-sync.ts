import { isRecord } from './http'
import { isValidSession, type Session } from './session-store'

/**
 * What tabs of one origin tell each other. sessionStorage is per tab, but tabs opened with
 * `window.open` or duplicated share a refresh-token lineage: every rotation must reach them.
 */
export type TabMessage =
  | { readonly type: 'session'; readonly session: Session }
  | { readonly type: 'signed-out'; readonly reason: 'user' | 'expired' }
  | { readonly type: 'request-session'; readonly since: number }

/** The transport: BroadcastChannel in browsers; tests pass an in-memory hub. */
export interface TabChannel {
  post(message: TabMessage): void
  listen(handler: (message: unknown) => void): void
}

export function browserTabChannel(name: string): TabChannel | undefined {
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

  constructor(
    channel: TabChannel,
    options: { issuer: string; clientId: string; answerWithinMs: number },
    handlers: TabSyncHandlers,
  ) {
    this.channel = channel
    this.handlers = handlers
    const expected = { issuer: options.issuer, clientId: options.clientId }
    channel.listen((data) => {
      this.receive(parseTabMessage(data, expected))
    })
    // One question, asked as the page starts: a copied or empty session may be stale, and a
    // sibling with a newer one sends it. Later sign-ins in a sibling are broadcast anyway.
    this.answered = new Promise<void>((resolve) => {
      this.siblingAnswered = resolve
      setTimeout(resolve, options.answerWithinMs)
    }).finally(() => {
      this.siblingAnswered = undefined
    })
    channel.post({ type: 'request-session', since: handlers.current()?.updatedAt ?? 0 })
  }

  announce(session: Session): void {
    this.channel.post({ type: 'session', session })
  }

  signedOut(reason: 'user' | 'expired'): void {
    this.channel.post({ type: 'signed-out', reason })
  }

  /**
   * Resolves once a sibling's session was adopted, or when the siblings' time to answer the
   * page's question has passed (at once, long after the page started).
   */
  siblingsAnswered(): Promise<void> {
    return this.answered
  }

  private receive(message: TabMessage | undefined): void {
    const local = this.handlers.current()
    switch (message?.type) {
      case 'session':
        if (local && message.session.updatedAt <= local.updatedAt) return
        this.handlers.adopt(message.session)
        this.siblingAnswered?.()
        return
      case 'signed-out':
        if (local) this.handlers.signedOut(message.reason)
        return
      case 'request-session':
        if (local && local.updatedAt > message.since) this.announce(local)
        return
      case undefined:
        return
    }
  }
}
