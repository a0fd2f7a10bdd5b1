/**
 * What the peers' shared pages need from an auth library: each peer (a folder beside this file)
 * fills it in from its library's React hook, so the pages, and so the UI, are the same in both.
 */
import { createContext, use } from 'react'

/** Config each peer has built in (`define` in build.ts): the bench's stack for it. */
export interface PeerConfig {
  readonly authority: string
  readonly clientId: string
  readonly apiUrl: string
  readonly apiScope: string
}

declare const __PEER__: PeerConfig

export const PEER_CONFIG: PeerConfig = __PEER__

export interface PeerUser {
  readonly name: string
  /** The ID token's claims, as the library hands them out. */
  readonly claims: Readonly<Record<string, unknown>>
}

export interface PeerAuth {
  /** The library is still finding out whether someone is signed in. */
  readonly isLoading: boolean
  readonly user: PeerUser | undefined
  readonly signIn: (returnTo: string) => void
  readonly signOut: () => void
  /** An access token for the demo API, as the library's README gets one. */
  readonly accessToken: () => Promise<string>
}

export const PeerAuthContext = createContext<PeerAuth | null>(null)

export function usePeerAuth(): PeerAuth {
  const auth = use(PeerAuthContext)
  if (!auth) throw new Error('a peer page rendered outside its PeerAuthContext')
  return auth
}
