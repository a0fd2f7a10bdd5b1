import { useState } from 'react'

import { useAddTask, useTasks } from '../../api/queries'
import { StatusMessage } from '../../components/status-message'
import { TaskForm } from '../../components/task-form'
import { TaskList } from '../../components/task-list'
import { QueryErrorAlert } from '../query-error-alert'

export function TasksPage() {
  const tasks = useTasks()
  const addTask = useAddTask()
  const [draft, setDraft] = useState('')

  return (
    <section className="stack">
      <h1>Tasks</h1>
      {tasks.isPending ? <StatusMessage>Loading your tasks…</StatusMessage> : null}
      {tasks.isError ? (
        <QueryErrorAlert
          error={tasks.error}
          onRetry={() => {
            void tasks.refetch()
          }}
        />
      ) : null}
      {tasks.data ? <TaskList tasks={tasks.data} /> : null}
      <TaskForm
        value={draft}
        onChange={setDraft}
        busy={addTask.isPending}
        onSubmit={(title) => {
          // The draft is cleared only once the API has the task: a failure keeps it.
          addTask.mutate(title, {
            onSuccess: () => {
              setDraft('')
            },
          })
        }}
      />
      {addTask.isError ? (
        <QueryErrorAlert
          error={addTask.error}
          onRetry={() => {
            addTask.mutate(draft.trim())
          }}
        />
      ) : null}
    </section>
  )
}
