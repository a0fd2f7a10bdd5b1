import { aadstsCode } from './aadsts-code'

/**
 * Plain fixes for the Microsoft Entra (AADSTS) errors people hit when registering an SPA. The
 * provider's `error` and `error_description` are kept as received; this only adds what to do.
 * Codes: https://learn.microsoft.com/entra/identity-platform/reference-error-codes
 * Loaded only when an error carries an AADSTS code, so it costs other providers nothing.
 */
const FIXES: Readonly<Record<string, string>> = {
  AADSTS50011:
    'The redirect URI is not registered for this app. In the app registration, under Authentication → Single-page application, add this app’s exact redirect URI (origin + base path + redirectPath), then sign in again.',
  AADSTS9002326:
    'The app is registered with the "Web" platform, which may not redeem codes from a browser. In the app registration, move the redirect URI to the "Single-page application" platform.',
  AADSTS9002327:
    'Tokens for "Single-page application" redirect URIs can only be redeemed from a browser page. Check that the redirect URI is registered as "Single-page application" and that the app itself redeems the code.',
  AADSTS65001:
    'Nobody has consented to the permissions this app asks for. Sign in again and accept the consent prompt, or ask an administrator to grant admin consent under API permissions.',
  AADSTS65004: 'You declined to sign in or to consent. Sign in again when you are ready.',
  AADSTS50058:
    'You are not signed in to Microsoft in this browser (or your session ended). Sign in again.',
  AADSTS50076: 'Your organisation requires multi-factor authentication here. Sign in again.',
  AADSTS50079: 'Your organisation requires you to register for multi-factor authentication.',
  AADSTS700054:
    'The app registration does not allow the ID token this app needs. Under Authentication, enable "ID tokens", or ask for the "openid" scope.',
  AADSTS28000:
    'A token request named scopes of more than one API. Give each entry of "apis" only its own API’s scopes and set "oneResourcePerRequest": true in config.json.',
  AADSTS28003:
    'The token request named no scope. Set "oneResourcePerRequest": true in config.json so the code redemption names the first API’s scopes.',
  AADSTS90014:
    'The request lacked a required field. Check "clientId" and "scopes" in config.json, then sign in again.',
  AADSTS901002:
    'Entra ID does not support the "resource" parameter. Remove "resource" from the entries of "apis" in config.json and set "oneResourcePerRequest": true.',
  AADSTS700016:
    'No app with this client ID exists in the tenant. Check "clientId" and "authority" in config.json (or make the app multi-tenant).',
  AADSTS50020:
    'This account is not in the app’s tenant. Sign in with an account of the tenant, or use the /organizations or /common authority for a multi-tenant app.',
  AADSTS700084:
    'The refresh token for a single-page app expired after 24 hours (Entra’s fixed limit). Sign in again; you will come back to this page.',
  AADSTS50173:
    'Your session was revoked (for example after a password change). Sign in again; you will come back to this page.',
}

/** Generic OAuth errors worth a plainer fix when no AADSTS code names the cause. */
const ERROR_FIXES: Readonly<Record<string, string>> = {
  access_denied: FIXES.AADSTS65004 ?? '',
  consent_required: FIXES.AADSTS65001 ?? '',
  interaction_required: 'The provider wants you to sign in again (for example for MFA).',
}

/** What to do about a provider error, when Tessera knows a plainer fix than the default. */
export function providerErrorFix(
  error: string | undefined,
  description: string | undefined,
): string | undefined {
  const code = aadstsCode(description)
  if (code !== undefined && FIXES[code] !== undefined) return FIXES[code]
  return code !== undefined && error !== undefined ? ERROR_FIXES[error] : undefined
}
