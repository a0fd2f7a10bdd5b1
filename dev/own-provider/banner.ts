/**
 * What `npm start -- --config <file>` prints once the app is up: where to open it and what to
 * register at the provider, spelled exactly as the app will send it.
 */
import { mayRenewInFrame, redirectUris } from '../../src/auth/core'
import type { AppConfig } from '../../src/config'

/**
 * The host name to open the app at. Entra ID, Auth0 and Okta accept plain-http redirect URIs for
 * single-page apps on `localhost` only (not 127.0.0.1); browsers resolve it to loopback, where
 * the server listens.
 */
export const LOCAL_HOST_NAME = 'localhost'

export interface Registration {
  /** Where to open the app: the origin the redirect URIs are registered for, plus the base. */
  readonly appUrl: string
  readonly redirectUri: string
  readonly postLogoutRedirectUri: string
  /** Only when `renewal` may use the hidden iframe. */
  readonly silentRedirectUri: string | undefined
  /** The origin the provider must allow to call its token endpoint (CORS). */
  readonly origin: string
}

/** What to register for the app served on `port` under `basePath` (`/` on the dev server). */
export function registrationFor(config: AppConfig, port: number, basePath: string): Registration {
  const origin = `http://${LOCAL_HOST_NAME}:${String(port)}`
  const appUrl = `${origin}${basePath}`
  const uris = redirectUris(config, appUrl)
  return {
    appUrl,
    redirectUri: uris.redirectUri,
    postLogoutRedirectUri: uris.postLogoutRedirectUri,
    silentRedirectUri: mayRenewInFrame(config) ? uris.silentRedirectUri : undefined,
    origin,
  }
}

export interface OwnProviderBanner {
  readonly configFile: string
  readonly config: AppConfig
  readonly registration: Registration
  /** e.g. "dev server with hot reload". */
  readonly what: string
  readonly seconds: string
}

/** The banner, one fact per line. */
export function ownProviderBanner(banner: OwnProviderBanner): string {
  const { config, registration } = banner
  const apis = Object.entries(config.apis).map(
    ([name, api]) => `    ${name.padEnd(8)} ${api.baseUrl}`,
  )
  const silent =
    registration.silentRedirectUri === undefined
      ? []
      : [
          `    Silent renewal URI        ${registration.silentRedirectUri}`,
          `                              (renewal "${config.renewal}" may renew in a hidden iframe)`,
        ]
  return [
    '',
    `  Tessera is ready (${banner.what}, ${banner.seconds} s), with ${banner.configFile}`,
    '',
    `  Open the app at ${registration.appUrl}`,
    `  (at ${LOCAL_HOST_NAME}, not 127.0.0.1: the provider matches redirect URIs exactly)`,
    '',
    `  Provider  ${config.authority}`,
    `  Client    ${config.clientId}`,
    '  APIs:',
    ...apis,
    '  No local provider or demo API is running.',
    '',
    '  Register the app at the provider as a single-page application with:',
    `    Redirect URI              ${registration.redirectUri}`,
    `    Post-logout redirect URI  ${registration.postLogoutRedirectUri}`,
    ...silent,
    `    Allowed origin (CORS)     ${registration.origin}`,
    '  (docs/your-provider.md says where each provider asks for them)',
    '',
    '  Press Ctrl-C to stop.',
    '',
  ].join('\n')
}
