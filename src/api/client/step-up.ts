import type { AuthChallenge } from './www-authenticate'

/** What a step-up challenge asks of the next sign-in. Mirrors the auth core's `StepUp`. */
export interface StepUpChallenge {
  readonly acrValues?: readonly string[]
  readonly maxAge?: number
  readonly claims?: string
}

function decodeClaims(value: string): string | undefined {
  try {
    // Entra sends the claims request base64-encoded (standard alphabet, maybe url-safe).
    const json = atob(value.replace(/-/g, '+').replace(/_/g, '/'))
    const parsed: unknown = JSON.parse(json)
    // OIDC Core §5.5: a claims request is a JSON object; anything else is no challenge at all.
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? json
      : undefined
  } catch {
    return undefined
  }
}

/**
 * Reads a step-up challenge: RFC 9470 §3 `insufficient_user_authentication` with `acr_values`
 * and/or `max_age`, or an Entra / CAE `insufficient_claims` with a `claims` request.
 */
export function stepUpFrom(challenge: AuthChallenge | undefined): StepUpChallenge | undefined {
  const params = challenge?.params
  if (params?.error === 'insufficient_user_authentication') {
    const acrValues = params.acr_values?.split(' ').filter(Boolean)
    const maxAge = params.max_age === undefined ? undefined : Number(params.max_age)
    return {
      ...(acrValues?.length ? { acrValues } : {}),
      ...(maxAge !== undefined && Number.isInteger(maxAge) && maxAge >= 0 ? { maxAge } : {}),
    }
  }
  if (params?.error === 'insufficient_claims' && params.claims) {
    const claims = decodeClaims(params.claims)
    return claims ? { claims } : undefined
  }
  return undefined
}
