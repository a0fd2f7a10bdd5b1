import { type MutationKey, useMutationState, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'

import { isStepUpReplay } from '../queries/step-up'

export interface FailedReplay {
  readonly error: Error
  readonly variables: unknown
  /** Forgets the failure (the user tries again, or dismisses it). */
  dismiss(): void
}

/**
 * The replay of `mutationKey`'s write after a step-up, when it failed: it ran outside the page's
 * own `useMutation` (the page had not rendered yet), so the page asks for it here.
 */
export function useFailedStepUpReplay(mutationKey: MutationKey): FailedReplay | undefined {
  const queryClient = useQueryClient()
  const failed = useMutationState({
    filters: { mutationKey, status: 'error', predicate: isStepUpReplay },
    select: (mutation) => mutation,
  }).at(-1)
  const dismiss = useCallback(() => {
    if (failed) queryClient.getMutationCache().remove(failed)
  }, [queryClient, failed])
  if (!failed?.state.error) return undefined
  return { error: failed.state.error, variables: failed.state.variables, dismiss }
}
