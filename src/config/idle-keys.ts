import type { ConfigProblem } from './config-error'

/**
 * The idle sign-out's keys together: the warning must come before the sign-out, and a warning
 * without a timeout is a mistake (it would do nothing). Read from the raw input, so these are
 * reported in the same pass as every other problem; each key's own type is the schema's job.
 */
export function idleKeyProblems(input: Readonly<Record<string, unknown>>): ConfigProblem[] {
  const { idleTimeout, idleWarning } = input
  if (idleWarning === undefined) return []
  if (idleTimeout === undefined) {
    return [
      {
        path: 'idleWarning',
        message:
          'has no effect without "idleTimeout": set idleTimeout (minutes) to turn idle sign-out on, or remove idleWarning',
      },
    ]
  }
  if (
    typeof idleTimeout === 'number' &&
    idleTimeout > 0 &&
    typeof idleWarning === 'number' &&
    idleWarning >= idleTimeout * 60
  ) {
    return [
      {
        path: 'idleWarning',
        message: `must be shorter than idleTimeout (${String(idleTimeout * 60)} seconds)`,
      },
    ]
  }
  return []
}
