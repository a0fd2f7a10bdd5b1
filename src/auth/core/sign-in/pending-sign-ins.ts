import { isRecord } from '../protocol/http'

/** Where oidc-client-ts keeps each authorization request's state, by its `state` value. */
export const SIGN_IN_STATE_PREFIX = 'tessera.oidc.'

/**
 * Forgets every redirect sign-in this tab started and did not complete (the user went Back at
 * the provider, or started another), so only the newest request's response, and the app state
 * it carries, can ever complete (SEC-42). Silent requests stay: a hidden frame may still be
 * waiting for its answer.
 */
export function forgetPendingSignIns(storage: Storage): void {
  const keys: string[] = []
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index)
    if (key?.startsWith(SIGN_IN_STATE_PREFIX)) keys.push(key)
  }
  for (const key of keys) {
    if (!isSilentRequest(storage.getItem(key))) storage.removeItem(key)
  }
}

function isSilentRequest(stored: string | null): boolean {
  try {
    const state: unknown = JSON.parse(stored ?? '')
    return isRecord(state) && isRecord(state.data) && state.data.silent === true
  } catch {
    return false
  }
}
