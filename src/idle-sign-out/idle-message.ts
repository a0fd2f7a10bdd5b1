/** What the tabs of one app tell each other about the user's activity. */
export type IdleMessage =
  /** The user was last active at `at` (epoch ms), in the sending tab or one it heard of. */
  | { readonly type: 'activity'; readonly at: number }
  /** A tab at its deadline asks for the latest activity the others know before it signs out. */
  | { readonly type: 'ask' }
  /** A tab found no activity since `at` in any tab for the whole timeout: it signs all out. */
  | { readonly type: 'expired'; readonly at: number }

/** Validates an incoming message (same origin, but still data: parse, don't trust). */
export function parseIdleMessage(data: unknown): IdleMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const { type, at } = data as { type?: unknown; at?: unknown }
  if (type === 'ask') return { type }
  if ((type === 'activity' || type === 'expired') && typeof at === 'number' && Number.isFinite(at))
    return { type, at }
  return undefined
}
