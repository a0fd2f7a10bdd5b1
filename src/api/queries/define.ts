import type { DataTag, QueryClient } from '@tanstack/query-core'

import type { AuthClient } from '../../auth/core'
import type { ApiEndpoint } from '../client'
import { apiEndpoint } from './endpoint'
import { refetchAfterWrite } from './refetch-after-write'

/** Values a page's path gives its reads, e.g. `{ id: '42' }` for `/orders/:id`. */
export type PathParams = Readonly<Record<string, string>>

/** One thing the app reads from an API. */
export interface ApiRead<TData> {
  /** The API's name in config.json's `apis`. */
  readonly api: string
  /** Names what is read, for its query key, e.g. `['tasks']`. */
  readonly resource: readonly string[]
  /** Reads it (parse the JSON at this trust boundary). */
  fetch(endpoint: ApiEndpoint, request: { signal: AbortSignal; params: PathParams }): Promise<TData>
}

/** One thing the app writes to an API. */
export interface ApiWrite<TVariables, TResult = unknown> {
  readonly api: string
  /** Names the write: its mutation key, by which a step-up replays it after a redirect. */
  readonly name: string
  send(endpoint: ApiEndpoint, variables: TVariables): Promise<TResult>
  /** The reads this write changes: refetched once it succeeds. */
  readonly changes: readonly ApiRead<unknown>[]
}

export function defineRead<TData>(read: ApiRead<TData>): ApiRead<TData> {
  return read
}

export function defineWrite<TVariables, TResult = unknown>(
  write: ApiWrite<TVariables, TResult>,
): ApiWrite<TVariables, TResult> {
  return write
}

/**
 * The one query key factory: `[api, sub, ...resource, params?]`. The signed-in user is part of
 * every key, so one user's data never answers another's query (SEC-26).
 */
export function readKey(read: ApiRead<unknown>, sub: string | undefined, params: PathParams = {}) {
  const named = Object.keys(params).length > 0 ? [params] : []
  return [read.api, sub, ...read.resource, ...named] as const
}

/** The one mutation key factory: `[api, 'write', name]`. */
export function writeKey(write: ApiWrite<never>) {
  return [write.api, 'write', write.name] as const
}

type ReadKey = ReturnType<typeof readKey>

/**
 * TanStack Query options of `read` for the signed-in user `sub`. The key carries the data's type
 * (`DataTag`), as react-query's `queryOptions` does, so `getQueryData(key)` is typed; that helper
 * itself lives in the React package, which the bootstrap must not load.
 */
export function readOptions<TData>(
  read: ApiRead<TData>,
  endpoint: ApiEndpoint,
  sub: string | undefined,
  params: PathParams = {},
) {
  return {
    queryKey: readKey(read, sub, params) as DataTag<ReadKey, TData, Error>,
    queryFn: ({ signal }: { signal: AbortSignal }) => read.fetch(endpoint, { signal, params }),
    enabled: sub !== undefined,
  }
}

/**
 * Starts `reads` for the signed-in user, before any component asks (its query then picks up the
 * request in flight). Never rejects: the page's own query shows a failure. Resolves when every
 * read settled; undefined when signed out or there is nothing to read.
 */
export function startReads(
  queryClient: QueryClient,
  auth: AuthClient,
  reads: readonly ApiRead<unknown>[],
  params: PathParams = {},
): Promise<void> | undefined {
  const sub = auth.getSnapshot().user?.sub
  if (sub === undefined || reads.length === 0) return undefined
  const started = reads.map((read) =>
    queryClient.query(readOptions(read, apiEndpoint(auth, read.api), sub, params)),
  )
  return Promise.allSettled(started).then(() => undefined)
}

/**
 * Registers `writes` on the query client once, at start-up: the page's hook and the replay after
 * a step-up run the same function, and every write refetches the reads it changed.
 */
export function registerWrites(
  queryClient: QueryClient,
  auth: AuthClient,
  writes: readonly ApiWrite<never>[],
): void {
  for (const write of writes) {
    queryClient.setMutationDefaults(writeKey(write), {
      mutationFn: (variables: unknown) =>
        write.send(apiEndpoint(auth, write.api), variables as never),
      onSuccess: () =>
        refetchAfterWrite(
          queryClient,
          {
            predicate: ({ queryKey }) =>
              write.changes.some(
                (read) =>
                  queryKey[0] === read.api &&
                  read.resource.every((part, index) => queryKey[2 + index] === part),
              ),
          },
          // A replay after a step-up can finish before any component observes the list.
          'all',
        ),
    })
  }
}
