import type { SignInDiagnosis } from '../auth/core'

function when(exp: unknown): string {
  return typeof exp === 'number' ? new Date(exp * 1000).toISOString() : String(exp)
}

/** How far off this device's clock is, in words. */
export function clockText(offsetMs: number): string {
  if (Math.abs(offsetMs) < 1000) return 'in step with the host'
  const seconds = Math.round(offsetMs / 1000)
  const direction = seconds > 0 ? 'behind' : 'ahead of'
  return `${String(Math.abs(seconds))} s ${direction} the host (corrected for token times)`
}

/**
 * The sign-in debugger's findings as plain text, to paste into a ticket or a chat with the
 * provider's administrator. It holds no token: the diagnosis never has one (SEC-37).
 */
export function diagnosisReport(diagnosis: SignInDiagnosis, at = new Date()): string {
  const lines = [
    `Tessera sign-in report, ${at.toISOString()}`,
    '',
    'Register at the provider:',
    `  redirect URI:             ${diagnosis.redirectUri}`,
    `  post-logout redirect URI: ${diagnosis.postLogoutRedirectUri}`,
    ...(diagnosis.silentRedirectUri === undefined
      ? []
      : [`  silent renewal URI:       ${diagnosis.silentRedirectUri}`]),
    '',
    `Authority:       ${diagnosis.authority}`,
    `Expected issuer: ${diagnosis.expectedIssuer}`,
  ]
  const { discovery } = diagnosis
  if ('unreachable' in discovery) {
    lines.push(`Discovery:       ${discovery.url}: could not be read (${discovery.unreachable})`)
  } else {
    lines.push(
      `Discovery:       ${discovery.url}`,
      `  issuer:        ${discovery.issuer ?? '(none)'}`,
      `  verdict:       ${discovery.problem ?? 'accepted'}`,
      ...discovery.endpoints.map(
        (endpoint) =>
          `  ${endpoint.name}: ${endpoint.url}${endpoint.allowed ? '' : '  (origin not allowed: providerOrigins)'}`,
      ),
    )
  }
  lines.push('', `Clock: ${clockText(diagnosis.clockOffsetMs)}`, '')
  const error = diagnosis.lastError
  if (error) {
    lines.push(
      `Last failure: [${error.code}] ${error.message}`,
      ...(error.providerError
        ? [
            `  the provider said: ${[error.providerError, error.providerErrorDescription].filter(Boolean).join(': ')}`,
          ]
        : []),
      `  fix: ${error.fix}`,
    )
  } else {
    lines.push('Last failure: none in this tab')
  }
  lines.push('', 'Access tokens (values redacted):')
  for (const token of diagnosis.tokens) {
    if (token.expiresInMs === undefined) {
      lines.push(`  ${token.api}: none yet`)
      continue
    }
    const claims = token.claims
      ? `aud=${JSON.stringify(token.claims.aud)} scope=${JSON.stringify(token.claims.scope)} iss=${JSON.stringify(token.claims.iss)} exp=${when(token.claims.exp)}`
      : 'opaque token (no claims to show)'
    lines.push(
      `  ${token.api}: expires in ${String(Math.round(token.expiresInMs / 1000))} s; ${claims}`,
    )
  }
  return `${lines.join('\n')}\n`
}
