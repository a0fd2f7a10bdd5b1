import { isRecord } from './http'

/** The one message the silent callback page posts to the app that framed it. */
export interface SilentCallbackMessage {
  readonly type: typeof SILENT_CALLBACK_MESSAGE
  /** The authorization response URL as the provider redirected the frame to it. */
  readonly url: string
}

export const SILENT_CALLBACK_MESSAGE = 'tessera:silent-callback'

export function silentCallbackMessage(url: string): SilentCallbackMessage {
  return { type: SILENT_CALLBACK_MESSAGE, url }
}

/** Parses posted data (same origin, still untrusted data): the callback URL, or undefined. */
export function parseSilentCallbackMessage(data: unknown): string | undefined {
  if (!isRecord(data) || data.type !== SILENT_CALLBACK_MESSAGE) return undefined
  return typeof data.url === 'string' && URL.canParse(data.url) ? data.url : undefined
}
