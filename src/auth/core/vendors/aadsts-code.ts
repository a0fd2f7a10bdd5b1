/**
 * Entra answers `invalid_grant` both for a dead refresh token and for one that needs the user
 * first (MSAL's `basic_action`/`additional_action` suberrors); these codes are the latter.
 */
const NEEDS_INTERACTION = new Set(['AADSTS50076', 'AADSTS50079', 'AADSTS50158', 'AADSTS65001'])

/** Whether an `invalid_grant` from Entra asks the user to act rather than ending the session. */
export function needsInteraction(description: string | undefined): boolean {
  const code = aadstsCode(description)
  return code !== undefined && NEEDS_INTERACTION.has(code)
}

/** The first AADSTS code in an error description, e.g. `AADSTS50011`. */
export function aadstsCode(description: string | undefined): string | undefined {
  return /\bAADSTS\d+\b/.exec(description ?? '')?.[0]
}
