import {
  type Mutation,
  type MutationKey,
  MutationObserver,
  type QueryClient,
} from '@tanstack/query-core'

import type { AuthClient, SignInCompletion, StepUp } from '../../auth/core'
import { isApiError } from '../client'

/** A write refused for a stronger sign-in is replayed only if the sign-in is this recent. */
export const STEP_UP_REPLAY_TTL_MS = 5 * 60_000

/** Marks, in a mutation's `meta`, the replay of a write after its step-up. */
const REPLAY_META = 'tesseraStepUpReplay'

/** What a step-up keeps with its one authorization request, to replay the write on return. */
interface PendingWrite {
  readonly kind: 'step-up-replay'
  readonly sub: string
  readonly mutationKey: MutationKey
  readonly variables: unknown
  readonly createdAt: number
}

export interface StepUpPolicyOptions {
  /** The app path the user is on: the step-up comes back there. */
  readonly returnTo: () => string
  readonly now?: () => number
}

export interface StepUpPolicy {
  /**
   * Replays, once, the write a completed sign-in was started for, if it is this user's and
   * recent; resolves when the replay settled (its outcome is the mutation's, for the page).
   */
  resume(completion: SignInCompletion): Promise<void>
}

/** Whether `mutation` is the replay of a write after its step-up (its error is final). */
export function isStepUpReplay(mutation: Pick<Mutation, 'options'>): boolean {
  return mutation.options.meta?.[REPLAY_META] === true
}

/**
 * The step-up policy (RFC 9470), for every keyed mutation of `queryClient` (`setMutationDefaults`
 * gives the replay its function): when an API refuses a write until the user signs in more
 * strongly, the write is kept with that one authorization request (SEC-42), the user signs in
 * again and comes back, and the write is replayed once.
 *
 * SEC-41: a replay never starts another step-up, so one user action costs at most one sign-in
 * and one replay; a challenge that names no requirement asks for a fresh authentication
 * (`max_age=0`), since a silent SSO answer would be refused just the same.
 */
export function installStepUp(
  queryClient: QueryClient,
  auth: AuthClient,
  options: StepUpPolicyOptions,
): StepUpPolicy {
  const now = options.now ?? Date.now
  queryClient.getMutationCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'error') return
    const error: unknown = event.action.error
    const { mutation } = event
    const { mutationKey } = mutation.options
    const sub = auth.getSnapshot().user?.sub
    if (!isApiError(error) || !error.stepUp || !mutationKey || sub === undefined) return
    if (isStepUpReplay(mutation)) return
    const appState: PendingWrite = {
      kind: 'step-up-replay',
      sub,
      mutationKey,
      variables: mutation.state.variables,
      createdAt: now(),
    }
    void auth.signIn({ returnTo: options.returnTo(), stepUp: freshIfEmpty(error.stepUp), appState })
  })

  return {
    async resume({ appState }) {
      const pending = pendingWrite(appState)
      if (!pending || pending.sub !== auth.getSnapshot().user?.sub) return
      const age = now() - pending.createdAt
      if (age < 0 || age > STEP_UP_REPLAY_TTL_MS) return
      await new MutationObserver<unknown, Error, unknown>(queryClient, {
        mutationKey: pending.mutationKey,
        meta: { [REPLAY_META]: true },
      })
        .mutate(pending.variables)
        .catch(() => undefined) // the page shows the replay's outcome
    },
  }
}

function freshIfEmpty(stepUp: StepUp): StepUp {
  const named =
    (stepUp.acrValues ?? []).length > 0 || stepUp.maxAge !== undefined || Boolean(stepUp.claims)
  return named ? stepUp : { maxAge: 0 }
}

/** The pending write in a sign-in's app state (JSON from this tab's storage: parsed, not trusted). */
function pendingWrite(appState: unknown): PendingWrite | undefined {
  if (typeof appState !== 'object' || appState === null) return undefined
  const candidate = appState as Partial<PendingWrite>
  return candidate.kind === 'step-up-replay' &&
    typeof candidate.sub === 'string' &&
    Array.isArray(candidate.mutationKey) &&
    typeof candidate.createdAt === 'number'
    ? (candidate as PendingWrite)
    : undefined
}
