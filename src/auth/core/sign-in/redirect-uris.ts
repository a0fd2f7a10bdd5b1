import type { AppConfig } from '../../../config'

/**
 * The silent renewal callback: a page of its own in the build (silent-callback.html, no React),
 * the one document the app's host lets the app frame (dev/security-headers.ts).
 */
const SILENT_CALLBACK_PAGE = 'silent-callback.html'

/** The URIs the app sends the provider; each must be registered there exactly as spelled. */
export interface RedirectUris {
  /** Where a sign-in comes back: the app's base URL + `redirectPath`. */
  readonly redirectUri: string
  /** Where the provider sends the user after sign-out: base URL + `postLogoutRedirectPath`. */
  readonly postLogoutRedirectUri: string
  /** Where silent (iframe) renewals come back: `silent-callback.html` at the app's base. */
  readonly silentRedirectUri: string
}

/**
 * The redirect URIs of the app served at `appBaseUrl` (e.g. `https://app.example/portal/`). One
 * function for the auth client and for `npm start -- --config`, which prints what to register.
 */
export function redirectUris(
  config: Pick<AppConfig, 'redirectPath' | 'postLogoutRedirectPath'>,
  appBaseUrl: string,
): RedirectUris {
  // The paths start with "/" and are relative to the base, not to the origin.
  return {
    redirectUri: new URL(config.redirectPath.slice(1), appBaseUrl).href,
    postLogoutRedirectUri: new URL(config.postLogoutRedirectPath.slice(1), appBaseUrl).href,
    silentRedirectUri: new URL(SILENT_CALLBACK_PAGE, appBaseUrl).href,
  }
}

/** Whether renewal may use the hidden iframe, whose redirect URI must then be registered too. */
export function mayRenewInFrame(config: Pick<AppConfig, 'renewal'>): boolean {
  return config.renewal !== 'refresh-token'
}
