import {
  type QueryClient,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import * as v from 'valibot'

import { useAuth } from '../../auth/react'
import type { AuthClient } from '../../auth/react'
import { type ApiEndpoint, callApi } from '../client'
import { DEMO_API } from './api-names'
import { apiEndpoint, useApiEndpoint } from './use-api-endpoint'

const TaskSchema = v.object({
  id: v.string(),
  title: v.string(),
  done: v.boolean(),
  createdAt: v.string(),
})
const TaskListSchema = v.object({ tasks: v.array(TaskSchema) })

export type Task = v.InferOutput<typeof TaskSchema>

function tasksKey(sub: string | undefined) {
  return [DEMO_API, sub, 'tasks'] as const
}

export function tasksQueryOptions(endpoint: ApiEndpoint, sub: string | undefined) {
  return queryOptions({
    queryKey: tasksKey(sub),
    queryFn: async ({ signal }) =>
      v.parse(TaskListSchema, await callApi(endpoint, '/tasks', { signal })).tasks,
    enabled: sub !== undefined,
  })
}

/** The signed-in user's tasks (`GET /tasks`). */
export function useTasks() {
  const endpoint = useApiEndpoint(DEMO_API)
  const { user } = useAuth()
  return useQuery(tasksQueryOptions(endpoint, user?.sub))
}

/** Adds a task (`POST /tasks`) and refreshes the list. */
export function useAddTask() {
  const endpoint = useApiEndpoint(DEMO_API)
  const { user } = useAuth()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (title: string) =>
      v.parse(TaskSchema, await callApi(endpoint, '/tasks', { method: 'POST', body: { title } })),
    onSuccess: (task) => {
      queryClient.setQueryData(tasksKey(user?.sub), (tasks: Task[] | undefined) => [
        ...(tasks ?? []),
        task,
      ])
      return queryClient.invalidateQueries({ queryKey: tasksKey(user?.sub) })
    },
  })
}

/** Deleting needs a second factor at the demo API: keyed, so a step-up can replay it. */
const deleteTaskKey = [DEMO_API, 'tasks', 'delete'] as const

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
    onSuccess: async () => {
      // A replay after a step-up can finish while the route loader's first fetch of the list is
      // still in flight; TanStack would hand that (older) answer to the page. Cancel, then
      // refetch, even before any component observes the list.
      const tasks = {
        predicate: (query: { queryKey: readonly unknown[] }) =>
          query.queryKey[0] === DEMO_API && query.queryKey[2] === 'tasks',
      }
      await queryClient.cancelQueries(tasks)
      await queryClient.invalidateQueries({ ...tasks, refetchType: 'all' })
    },
  })
}

/** Deletes a task (`DELETE /tasks/:id`); the API may first ask for a second factor. */
export function useDeleteTask() {
  return useMutation<unknown, Error, string>({ mutationKey: deleteTaskKey })
}
