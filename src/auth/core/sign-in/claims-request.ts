import { UsageError } from '../../../errors'

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The OIDC `claims` request parameter (OIDC Core §5.5) for an authorization or token request:
 * an API's claims challenge (Entra Continuous Access Evaluation, `insufficient_claims`) merged
 * with the client capabilities the app announces, as `access_token.xms_cc` (what MSAL sends
 * for `clientCapabilities`). Undefined when there is neither.
 */
export function claimsRequest(
  challenge: string | undefined,
  capabilities: readonly string[],
): string | undefined {
  let claims: Record<string, unknown> = {}
  if (challenge !== undefined) {
    const parsed: unknown = JSON.parse(challenge)
    // api/client's stepUpFrom hands over objects only.
    if (!isObject(parsed)) throw new UsageError('A claims challenge must be a JSON object.')
    claims = parsed
  }
  if (capabilities.length > 0) {
    const accessToken = isObject(claims.access_token) ? claims.access_token : {}
    claims = { ...claims, access_token: { ...accessToken, xms_cc: { values: [...capabilities] } } }
  }
  return Object.keys(claims).length > 0 ? JSON.stringify(claims) : undefined
}
