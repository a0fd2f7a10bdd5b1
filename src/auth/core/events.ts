import type { AuthError } from './errors'

/** What the auth client reports as it works; never carries a token. */
export interface AuthEventMap {
  'signed-in': { readonly sub: string }
  'token-renewed': { readonly api: string; readonly expiresAt: number }
  'renewal-failed': { readonly api: string; readonly error: AuthError }
  'interaction-required': { readonly error: AuthError }
  'signed-out': { readonly reason: 'user' | 'other-tab' | 'expired' }
}

export type AuthEventName = keyof AuthEventMap
export type AuthEventListener<K extends AuthEventName> = (event: AuthEventMap[K]) => void

/** A minimal typed emitter; a throwing listener never breaks the auth flow. */
export class AuthEvents {
  private readonly listeners = new Map<AuthEventName, Set<(event: never) => void>>()

  on<K extends AuthEventName>(name: K, listener: AuthEventListener<K>): () => void {
    const set = this.listeners.get(name) ?? new Set()
    set.add(listener)
    this.listeners.set(name, set)
    return () => set.delete(listener)
  }

  emit<K extends AuthEventName>(name: K, event: AuthEventMap[K]): void {
    for (const listener of this.listeners.get(name) ?? []) {
      try {
        ;(listener as AuthEventListener<K>)(event)
      } catch (error) {
        console.error(`Tessera: a "${name}" listener threw`, error)
      }
    }
  }
}
