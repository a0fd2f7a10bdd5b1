import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import * as v from 'valibot'

import { useAuth } from '../../auth/react'
import { type ApiEndpoint, callApi } from '../client'
import { DEMO_API } from './api-names'
import { useApiEndpoint } from './use-api-endpoint'

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
