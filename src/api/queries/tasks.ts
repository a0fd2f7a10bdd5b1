import type { QueryClient } from '@tanstack/query-core'
import * as v from 'valibot'

import type { AuthClient } from '../../auth/core'
import { type ApiEndpoint, callApi } from '../client'
import { DEMO_API } from './api-names'
import { apiEndpoint } from './endpoint'
import { refetchAfterWrite } from './refetch-after-write'

const TaskSchema = v.object({
  id: v.string(),
  title: v.string(),
  done: v.boolean(),
  createdAt: v.string(),
})
const TaskListSchema = v.object({ tasks: v.array(TaskSchema) })

export type Task = v.InferOutput<typeof TaskSchema>

export function tasksKey(sub: string | undefined) {
  return [DEMO_API, sub, 'tasks'] as const
}

/** The signed-in user's tasks (`GET /tasks`). */
export function tasksQuery(endpoint: ApiEndpoint, sub: string | undefined) {
  return {
    queryKey: tasksKey(sub),
    queryFn: async ({ signal }: { signal: AbortSignal }): Promise<Task[]> =>
      v.parse(TaskListSchema, await callApi(endpoint, '/tasks', { signal })).tasks,
    enabled: sub !== undefined,
  }
}

/** Adds a task (`POST /tasks`). */
export async function addTask(endpoint: ApiEndpoint, title: string): Promise<Task> {
  return v.parse(TaskSchema, await callApi(endpoint, '/tasks', { method: 'POST', body: { title } }))
}

/** Deleting needs a second factor at the demo API: keyed, so a step-up can replay it. */
export const deleteTaskKey = [DEMO_API, 'tasks', 'delete'] as const

/**
 * Mutations that may be replayed after a step-up are defined once, on the client, by key:
 * the page's hook and the replay after the redirect run the same function.
 */
export function registerTaskMutations(queryClient: QueryClient, auth: AuthClient): void {
  queryClient.setMutationDefaults(deleteTaskKey, {
    mutationFn: (id: unknown) =>
      callApi(apiEndpoint(auth, DEMO_API), `/tasks/${encodeURIComponent(String(id))}`, {
        method: 'DELETE',
      }),
    // A replay after a step-up can finish while the route loader's first fetch of the list is
    // still in flight, before any component observes the list.
    onSuccess: () =>
      refetchAfterWrite(
        queryClient,
        {
          predicate: (query) => query.queryKey[0] === DEMO_API && query.queryKey[2] === 'tasks',
        },
        'all',
      ),
  })
}
