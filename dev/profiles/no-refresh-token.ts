import type { ClientMetadata, Configuration } from 'oidc-provider'
import { appConfigFor, type DevStack } from '../config'
import type { ProviderProfile } from './profile'

/**
 * The app opened on `localhost` instead of 127.0.0.1: another site than the provider, whose
 * cookies a browser then treats as third-party in the app's frames (e2e: blocked cookies).
 */
export function crossSiteAppOrigin(stack: DevStack): string {
  return stack.appOrigin.replace('//127.0.0.1:', '//localhost:')
}

function withCrossSiteUris(client: ClientMetadata, stack: DevStack): ClientMetadata {
  const crossSite = (uris: readonly string[] | undefined) =>
    (uris ?? []).flatMap((uri) => [uri, uri.replace(stack.appOrigin, crossSiteAppOrigin(stack))])
  return {
    ...client,
    // No refresh_token grant: oidc-provider then issues none (issueRefreshToken in
    // dev/idp/configuration.ts asks the client), as providers that give SPAs none do.
    grant_types: ['authorization_code'],
    redirect_uris: crossSite(client.redirect_uris),
    post_logout_redirect_uris: crossSite(client.post_logout_redirect_uris),
  }
}

/**
 * A provider that gives the SPA no refresh token (Okta or Auth0 with refresh tokens off for the
 * app, ADFS, many in-house providers): the app keeps its session alive with silent renewal, an
 * authorization request with `prompt=none` in a hidden iframe, on the provider's own session.
 */
export const noRefreshToken: ProviderProfile = {
  name: 'no-refresh-token',
  summary: 'no refresh tokens for the SPA: renewal through a hidden iframe (prompt=none)',
  appConfig: (stack) => ({
    ...appConfigFor(stack),
    // No offline_access: this provider would not honour it. "renewal" stays "auto": a session
    // without a refresh token renews in the iframe by itself.
    scopes: ['openid', 'profile', 'email'],
  }),
  idp: {
    configure(configuration: Configuration, stack: DevStack): Configuration {
      const appOrigins = new Set([stack.appOrigin, crossSiteAppOrigin(stack)])
      return {
        ...configuration,
        clients: (configuration.clients ?? []).map((client) => withCrossSiteUris(client, stack)),
        clientBasedCORS: (_ctx, origin, client) =>
          client.clientId === stack.clientId && appOrigins.has(origin),
      }
    },
  },
}
