import { interactionPolicy } from 'oidc-provider'
import type { Configuration, Grant, JWK, KoaContextWithOIDC } from 'oidc-provider'
import { ACR_PASSWORD, ACR_SECOND_FACTOR, type DevStack } from '../config'
import { profileOf } from '../profiles'
import { findAccountIn } from './accounts'
import { resourceIndicatorsFor } from './api-selection'
import { logoutPage, signedOutPage, errorPage } from './pages'
import type { Page } from './pages'

export const TOKEN_PATH = '/token'
export const INTERACTION_PATH = '/interaction'

const INTERACTION_TTL = 10 * 60

export interface ConfigurationSecrets {
  readonly signingKey: JWK
  readonly cookieKeys: string[]
}

function render(ctx: KoaContextWithOIDC, page: Page): void {
  ctx.type = 'html'
  ctx.set('Content-Security-Policy', page.csp)
  ctx.body = page.html
}

/**
 * First-party client, so no consent page: the grant always covers what the client asked for.
 * Called by oidc-provider on every authorization request once the user is signed in.
 */
async function loadExistingGrant(
  ctx: KoaContextWithOIDC,
  stack: DevStack,
): Promise<Grant | undefined> {
  const { oidc } = ctx
  const { client, session } = oidc
  const accountId = session?.accountId
  if (client?.clientId !== stack.clientId || accountId === undefined) return undefined

  const grantId = oidc.result?.consent?.grantId ?? session?.grantIdFor(client.clientId)
  const existing = grantId === undefined ? undefined : await oidc.provider.Grant.find(grantId)
  const grant =
    existing?.accountId === accountId
      ? existing
      : new oidc.provider.Grant({ accountId, clientId: client.clientId })

  const oidcScopes = oidc.requestParamOIDCScopes
  if (oidcScopes.size > 0) grant.addOIDCScope(oidcScopes)
  for (const [indicator, resourceServer] of Object.entries(oidc.resourceServers ?? {})) {
    const requested = [...oidc.requestParamScopes].filter((scope) =>
      resourceServer.scopes.has(scope),
    )
    if (requested.length > 0) grant.addResourceScope(indicator, requested)
  }
  await grant.save()
  return grant
}

/**
 * The default policy, plus: `prompt=select_account` shows an account chooser (OIDC Core
 * §3.1.2.1), and a request whose `acr_values` asks for the second factor makes a session that
 * lacks it log in again (step-up, RFC 9470).
 */
function interactionPolicyWithStepUp(): interactionPolicy.Prompt[] {
  const policy = interactionPolicy.base()
  // First: with no session the chooser is the login form; with one, it offers that account.
  policy.add(new interactionPolicy.Prompt({ name: 'select_account', requestable: true }), 0)
  policy.get('login')?.checks.add(
    new interactionPolicy.Check(
      'second_factor_required',
      'the client asked for a second factor',
      'login_required',
      (ctx) => {
        const requested = ctx.oidc.params?.acr_values
        const wanted = typeof requested === 'string' ? requested.split(' ') : []
        return wanted.includes(ACR_SECOND_FACTOR) && ctx.oidc.session?.acr !== ACR_SECOND_FACTOR
      },
    ),
  )
  return policy
}

/** The oidc-provider configuration of the dev identity provider. */
export function identityProviderConfiguration(
  stack: DevStack,
  secrets: ConfigurationSecrets,
): Configuration {
  const { lifetimes } = stack
  // The vendor the provider plays (dev/profiles/): paths, API selection, token claims.
  const profile = profileOf(stack)

  return {
    clients: [
      {
        client_id: stack.clientId,
        client_name: 'Tessera',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [...stack.redirectUris],
        post_logout_redirect_uris: [...stack.postLogoutRedirectUris],
      },
    ],
    clientAuthMethods: ['none'],
    ...(profile.routes === undefined ? {} : { routes: profile.routes }),
    responseTypes: ['code'],
    jwks: { keys: [secrets.signingKey] },
    enabledJWA: { idTokenSigningAlgValues: ['RS256'] },
    cookies: { keys: secrets.cookieKeys },

    scopes: ['openid', 'profile', 'email', 'offline_access'],
    claims: {
      openid: ['sub'],
      profile: ['name'],
      email: ['email', 'email_verified'],
    },
    // The access token is for the API (resource indicator), not for userinfo, so the app reads
    // name and email from the ID token.
    conformIdTokenClaims: false,
    findAccount: findAccountIn(stack.users),
    loadExistingGrant: (ctx) => loadExistingGrant(ctx, stack),

    // OAuth 2.1 / RFC 9700 §2.1.1: PKCE for every authorization code; oidc-provider 9 only
    // implements S256.
    pkce: { required: () => true },

    // The SPA never sends prompt=consent, so oidc-provider's default (requires offline_access)
    // would never issue it a refresh token.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // RFC 9700 §4.14.2: public clients get sender-unconstrained refresh tokens only with
    // rotation; reuse of a rotated token revokes the whole grant (oidc-provider does this in
    // lib/actions/grants/refresh_token.js).
    rotateRefreshToken: true,

    clientBasedCORS: (_ctx, origin, client) =>
      client.clientId === stack.clientId && origin === stack.appOrigin,

    interactions: {
      policy: interactionPolicyWithStepUp(),
      url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}`,
    },
    acrValues: [ACR_PASSWORD, ACR_SECOND_FACTOR],
    // RFC 9470 §2: the API decides on acr/auth_time, so the access token carries them.
    extraTokenClaims: (ctx) => {
      const { AuthorizationCode, RefreshToken } = ctx.oidc.entities
      const source = AuthorizationCode ?? RefreshToken
      return source?.acr === undefined ? undefined : { acr: source.acr, auth_time: source.authTime }
    },

    ttl: {
      AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? lifetimes.accessToken,
      IdToken: lifetimes.idToken,
      // Rotation hands out a new token with what is left of the old one, so the chain that
      // started at sign-in ends lifetimes.refreshToken later, however often it is used.
      RefreshToken: (ctx) => {
        // Typed as always present, but oidc-provider passes its AsyncLocalStorage store, which
        // is undefined outside a request.
        const rotated = (ctx as KoaContextWithOIDC | undefined)?.oidc.entities.RotatedRefreshToken
        return rotated === undefined ? lifetimes.refreshToken : Math.max(1, rotated.remainingTTL)
      },
      Session: lifetimes.session,
      Interaction: INTERACTION_TTL,
      // Refresh tokens die with their grant; a grant made late in a session must outlive the
      // refresh token chain issued from it.
      Grant: lifetimes.session + lifetimes.refreshToken,
    },

    features: {
      devInteractions: { enabled: false },
      // RFC 8707 resources: each API is its own audience with its own scopes.
      resourceIndicators: resourceIndicatorsFor(stack, profile),
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          const closing = '</form>'
          if (!form.endsWith(closing)) throw new Error('unexpected logout form from oidc-provider')
          // Auto-submitting signs out every client of the session (logout=yes), which is what
          // the app's "Sign out" means.
          const withLogout = `${form.slice(0, -closing.length)}<input type="hidden" name="logout" value="yes">${closing}`
          // OIDC RP-Initiated Logout §2: a valid id_token_hint lets the OP skip the question.
          render(ctx, logoutPage(withLogout, ctx.oidc.entities.IdTokenHint !== undefined))
        },
        postLogoutSuccessSource: (ctx) => {
          render(ctx, signedOutPage())
        },
      },
      // RFC 9449: a client that sends a DPoP proof gets sender-constrained tokens.
      dPoP: { enabled: true },
      pushedAuthorizationRequests: { enabled: false },
      introspection: { enabled: false },
      registration: { enabled: false },
      clientCredentials: { enabled: false },
      deviceFlow: { enabled: false },
      claimsParameter: { enabled: false },
      requestObjects: { enabled: false },
    },

    ...(profile.accessTokenClaims === undefined
      ? {}
      : {
          formats: {
            customizers: {
              jwt: (_ctx, _token, jwt) => {
                profile.accessTokenClaims?.(jwt.payload, stack)
              },
            },
          },
        }),

    renderError: (ctx, out) => {
      const details: Record<string, string> = {}
      for (const [key, value] of Object.entries(out)) {
        if (typeof value === 'string') details[key] = value
      }
      render(ctx, errorPage('Something went wrong', details))
    },
  }
}
