import { randomUUID } from 'node:crypto'

export interface Task {
  readonly id: string
  readonly title: string
  readonly done: boolean
  readonly createdAt: string
}

export const TITLE_MAX_LENGTH = 200

/** Each user's tasks, in memory, oldest first. */
export class TaskStore {
  readonly #tasks = new Map<string, Task[]>()

  list(sub: string): readonly Task[] {
    return this.#tasks.get(sub) ?? []
  }

  /** Removes the task; false when the user has no task with that id. */
  remove(sub: string, id: string): boolean {
    const tasks = this.#tasks.get(sub) ?? []
    const index = tasks.findIndex((task) => task.id === id)
    if (index === -1) return false
    tasks.splice(index, 1)
    return true
  }

  add(sub: string, title: string): Task {
    const task: Task = { id: randomUUID(), title, done: false, createdAt: new Date().toISOString() }
    const tasks = this.#tasks.get(sub)
    if (tasks === undefined) this.#tasks.set(sub, [task])
    else tasks.push(task)
    return task
  }
}

/** The trimmed title, or a sentence saying what is wrong with it. */
export function validateTitle(body: unknown): { title: string } | { error: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { error: 'The body must be a JSON object like {"title": "Buy milk"}.' }
  }
  const title = 'title' in body ? body.title : undefined
  if (typeof title !== 'string') return { error: '"title" must be a string.' }
  const trimmed = title.trim()
  // UTF-16 code units, the same count as an HTML maxlength attribute in the app.
  const { length } = trimmed
  if (length === 0) return { error: '"title" must not be empty.' }
  if (length > TITLE_MAX_LENGTH) {
    return { error: `"title" must be at most ${String(TITLE_MAX_LENGTH)} characters.` }
  }
  return { title: trimmed }
}
