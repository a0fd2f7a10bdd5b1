import type { Page } from '../pages'
import { matchPage } from './match-page'

/** What the first page of a visit does, before React is loaded. */
export type FirstPagePlan =
  /** The redirect URI with a sign-in response: redeem it, then show the page it returns to. */
  | { readonly kind: 'complete-sign-in' }
  /** Signed out on a page for signed-in users: straight to the provider, nothing rendered. */
  | { readonly kind: 'leave-for-provider'; readonly returnTo: string }
  /** Anything else: show the page (the route table's, or "not found"). */
  | { readonly kind: 'show-page' }

export interface FirstPageFacts {
  /** The address is this app's redirect URI carrying an authorization response. */
  readonly isCallback: boolean
  /** The current location below the app's base, with query and hash. */
  readonly appPath: string
  readonly signedIn: boolean
  /** The last attempt failed or the session ended: the page explains, never loops. */
  readonly hasAuthError: boolean
  /** The pages config.json turns on. */
  readonly pages: readonly Page[]
}

/** Decides the first page's plan (pure: every input is a fact about this page load). */
export function planFirstPage(facts: FirstPageFacts): FirstPagePlan {
  if (facts.isCallback) return { kind: 'complete-sign-in' }
  const match = matchPage(facts.pages, facts.appPath)
  if (match?.page.signIn && !facts.signedIn && !facts.hasAuthError) {
    return { kind: 'leave-for-provider', returnTo: facts.appPath }
  }
  return { kind: 'show-page' }
}
