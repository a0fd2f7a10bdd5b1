import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'

import { useAuth } from '../../auth/react'
import { addTask, DEMO_API, deleteTaskKey, type Task, tasksKey, tasksQuery } from '../queries'
import { useApiEndpoint } from './use-api-endpoint'

/** The signed-in user's tasks (`GET /tasks`). */
export function useTasks() {
  const endpoint = useApiEndpoint(DEMO_API)
  const { user } = useAuth()
  return useQuery(tasksQuery(endpoint, user?.sub))
}

/** Adds a task (`POST /tasks`) and refreshes the list. */
export function useAddTask() {
  const endpoint = useApiEndpoint(DEMO_API)
  const { user } = useAuth()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (title: string) => addTask(endpoint, title),
    onSuccess: (task) => {
      queryClient.setQueryData(tasksKey(user?.sub), (tasks: Task[] | undefined) => [
        ...(tasks ?? []),
        task,
      ])
      return queryClient.invalidateQueries({ queryKey: tasksKey(user?.sub) })
    },
  })
}

/** Deletes a task (`DELETE /tasks/:id`); the API may first ask for a second factor. */
export function useDeleteTask() {
  return useMutation<unknown, Error, string>({ mutationKey: deleteTaskKey })
}
