import { type MutationKey, MutationObserver, type QueryClient } from '@tanstack/query-core'

/**
 * A mutation an API refused until the user signs in more strongly (RFC 9470). It is kept in
 * this tab across the redirect and replayed exactly once on return: taking it removes it.
 */
export interface PendingStepUp {
  readonly sub: string
  readonly mutationKey: MutationKey
  readonly variables: unknown
}

const STORAGE_KEY = 'tessera.step-up'

export function rememberStepUp(pending: PendingStepUp): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(pending))
}

export function forgetStepUp(): void {
  sessionStorage.removeItem(STORAGE_KEY)
}

/** The pending mutation of `sub`, removed from storage so it can only run once. */
export function takeStepUp(sub: string | undefined): PendingStepUp | undefined {
  const raw = sessionStorage.getItem(STORAGE_KEY)
  forgetStepUp()
  if (raw === null || sub === undefined) return undefined
  try {
    const pending = JSON.parse(raw) as Partial<PendingStepUp>
    return pending.sub === sub && Array.isArray(pending.mutationKey)
      ? { sub, mutationKey: pending.mutationKey, variables: pending.variables }
      : undefined
  } catch {
    return undefined
  }
}

/** Runs the mutation again through its registered defaults (`setMutationDefaults`). */
export function replayStepUp(queryClient: QueryClient, pending: PendingStepUp): Promise<unknown> {
  return new MutationObserver<unknown, Error, unknown>(queryClient, {
    mutationKey: pending.mutationKey,
  }).mutate(pending.variables)
}
