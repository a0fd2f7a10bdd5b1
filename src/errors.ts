/**
 * The app called Tessera in a way it cannot work (a bug to fix in code, not a condition that
 * passes): never retried, never shown as a network failure.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
