import type { JWTPayload } from 'jose'

import { AuthError } from '../errors'

/**
 * Microsoft Entra's multi-tenant discovery documents (`/common`, `/organizations`,
 * `/consumers`) name an issuer template, not an issuer: each ID token's `iss` is the template
 * with the token's own `tid` filled in.
 */
export const TENANT_PLACEHOLDER = '{tenantid}'

/** Authority path segments that admit users of any tenant rather than naming one. */
const MULTI_TENANT_SEGMENTS = new Set(['common', 'organizations', 'consumers'])

/** Entra tenant ids are GUIDs; nothing else may be spliced into an issuer. */
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** How ID token issuers are checked, from the discovery document and config.json. */
export interface IssuerExpectation {
  /** The discovery document's `issuer`: an issuer, or a template with {@link TENANT_PLACEHOLDER}. */
  readonly issuer: string
  /** With a template: the one tenant the authority names; undefined admits any tenant. */
  readonly tenant?: string | undefined
}

/** The authority's path segment where `template` has its placeholder, if they line up. */
function segmentAtPlaceholder(template: string, authority: string): string | undefined {
  const at = template.indexOf(TENANT_PLACEHOLDER)
  if (at < 0 || template.includes(TENANT_PLACEHOLDER, at + 1)) return undefined
  const prefix = template.slice(0, at)
  const suffix = template.slice(at + TENANT_PLACEHOLDER.length)
  if (!prefix.endsWith('/') || !(suffix === '' || suffix.startsWith('/'))) return undefined
  if (!authority.startsWith(prefix) || !authority.endsWith(suffix)) return undefined
  const segment = authority.slice(prefix.length, authority.length - suffix.length)
  return /^[^/?#]+$/.test(segment) ? segment : undefined
}

/**
 * Checks the discovery document's `issuer` (SEC-10, OIDC Discovery §4.3). It must be the
 * authority itself; or the `issuer` config.json states explicitly (Azure AD B2C and Entra
 * External ID name an issuer unlike their authority URL); or an Entra tenant template that
 * becomes the authority when the authority's tenant segment is filled in. Never skipped.
 */
export function checkDiscoveryIssuer(
  discovered: unknown,
  authority: string,
  configuredIssuer?: string,
): IssuerExpectation {
  const named = String(discovered)
  if (configuredIssuer !== undefined) {
    if (discovered !== configuredIssuer) {
      throw new AuthError('issuer_mismatch', {
        message: `The provider says its issuer is "${named}", but config.json's "issuer" is "${configuredIssuer}".`,
        fix: `Set "issuer" in config.json to exactly "${named}" if you trust that issuer.`,
      })
    }
    return expectationFor(configuredIssuer, authority)
  }
  if (discovered === authority) return { issuer: authority }
  if (typeof discovered === 'string' && segmentAtPlaceholder(discovered, authority)) {
    return expectationFor(discovered, authority)
  }
  throw new AuthError('issuer_mismatch', {
    message: `The provider says its issuer is "${named}", but config.json has "${authority}".`,
    fix: `Set "authority" in config.json to exactly "${named}" if you trust that issuer; if the provider's issuer legitimately differs from its authority URL (Azure AD B2C, Entra External ID), set "issuer" to it.`,
  })
}

function expectationFor(issuer: string, authority: string): IssuerExpectation {
  if (!issuer.includes(TENANT_PLACEHOLDER)) return { issuer }
  const segment = segmentAtPlaceholder(issuer, authority)
  if (segment === undefined || MULTI_TENANT_SEGMENTS.has(segment.toLowerCase())) {
    return { issuer }
  }
  if (!TENANT_ID.test(segment)) {
    // A tenant named by domain cannot be compared with a token's `tid` (a GUID).
    throw new AuthError('issuer_mismatch', {
      message: `The provider's issuer is a tenant template, and the authority names tenant "${segment}" by domain, which cannot be checked against an ID token's tenant ID.`,
      fix: 'Put the tenant ID (a GUID, shown on the tenant’s overview page) in "authority" instead of its domain name.',
    })
  }
  return { issuer, tenant: segment.toLowerCase() }
}

/**
 * The `iss` an ID token must carry (OIDC Core §3.1.3.7 step 2). With a tenant template that is
 * the template filled with the token's own `tid`, which must be a tenant ID, and, for an
 * authority naming one tenant, that tenant.
 */
export function expectedIssuer(expected: IssuerExpectation, payload: JWTPayload): string {
  if (!expected.issuer.includes(TENANT_PLACEHOLDER)) return expected.issuer
  const { tid } = payload
  if (typeof tid !== 'string' || !TENANT_ID.test(tid)) {
    throw new AuthError('id_token_invalid', {
      message:
        'ID token rejected: the provider’s issuer is a tenant template, but the token has no valid "tid" (tenant ID) to fill it with.',
    })
  }
  if (expected.tenant !== undefined && tid.toLowerCase() !== expected.tenant) {
    throw new AuthError('id_token_invalid', {
      message: `ID token rejected: it was issued for tenant "${tid}", but "authority" names tenant "${expected.tenant}".`,
      fix: 'Sign in with an account of the configured tenant, or use the /organizations or /common authority for a multi-tenant app.',
    })
  }
  return expected.issuer.replace(TENANT_PLACEHOLDER, tid)
}
