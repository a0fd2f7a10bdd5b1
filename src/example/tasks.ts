import * as v from 'valibot'

import { callApi } from '../api/client'
import { defineRead, defineWrite } from '../api/queries'

const TaskSchema = v.object({
  id: v.string(),
  title: v.string(),
  done: v.boolean(),
  createdAt: v.string(),
})

/** The signed-in user's tasks (`GET /tasks` on the demo API). */
export const tasks = defineRead({
  api: 'demo',
  resource: ['tasks'],
  fetch: async (endpoint, { signal }) =>
    v.parse(v.object({ tasks: v.array(TaskSchema) }), await callApi(endpoint, '/tasks', { signal }))
      .tasks,
})

/** Adds a task (`POST /tasks`). */
export const addTask = defineWrite({
  api: 'demo',
  name: 'add-task',
  send: async (endpoint, title: string) =>
    v.parse(TaskSchema, await callApi(endpoint, '/tasks', { method: 'POST', body: { title } })),
  changes: [tasks],
})

/** Deletes a task (`DELETE /tasks/:id`); the demo API first asks for a second factor. */
export const deleteTask = defineWrite({
  api: 'demo',
  name: 'delete-task',
  send: (endpoint, id: string) =>
    callApi(endpoint, `/tasks/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  changes: [tasks],
})
