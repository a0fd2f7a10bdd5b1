import { isRecord } from '../protocol/http'

/**
 * Reads the one message the silent callback page (src/silent-callback.ts) posts to the app that
 * framed it: `{ type: 'tessera:silent-callback', url }`. Same origin, but still data: parse it.
 * @returns the authorization response URL, or undefined for anything else
 */
export function parseSilentCallbackMessage(data: unknown): string | undefined {
  if (!isRecord(data) || data.type !== 'tessera:silent-callback') return undefined
  return typeof data.url === 'string' && URL.canParse(data.url) ? data.url : undefined
}
