import { useApiRead, useApiWrite } from '../api/hooks'
import { QueryErrorAlert } from '../app/query-error-alert'
import { useSessionDraft } from '../app/use-session-draft'
import { useAuth } from '../auth/react'
import { AddItemForm } from '../components/add-item-form'
import { StatusMessage } from '../components/status-message'
import { TaskList } from './task-list'
import { addTask as addTaskWrite, deleteTask as deleteTaskWrite, tasks as tasksRead } from './tasks'

export function TasksPage() {
  const tasks = useApiRead(tasksRead)
  const addTask = useApiWrite(addTaskWrite)
  const deleteTask = useApiWrite(deleteTaskWrite)
  const { failedReplay } = deleteTask
  const { user } = useAuth()
  // Survives a forced re-sign-in: after signing in again the user finds what they typed.
  const [draft, setDraft] = useSessionDraft('tasks:new', user?.sub)

  return (
    <section className="stack">
      <h1>Tasks</h1>
      <p className="lead">
        Your to-do list, kept by the demo API. Deleting a task asks for a second factor first.
      </p>
      {tasks.isPending ? (
        <StatusMessage>
          {tasks.isPaused
            ? 'You are offline; your tasks load when you reconnect…'
            : 'Loading your tasks…'}
        </StatusMessage>
      ) : null}
      {tasks.isError ? (
        <QueryErrorAlert
          error={tasks.error}
          onRetry={() => {
            void tasks.refetch()
          }}
        />
      ) : null}
      {tasks.data ? (
        <TaskList
          tasks={tasks.data}
          deletingId={deleteTask.isPending ? deleteTask.variables : undefined}
          onDelete={(id) => {
            deleteTask.mutate(id)
          }}
        />
      ) : null}
      {failedReplay && !deleteTask.isError ? (
        <QueryErrorAlert
          error={failedReplay.error}
          afterStepUp
          onRetry={() => {
            failedReplay.dismiss()
            deleteTask.mutate(String(failedReplay.variables))
          }}
        />
      ) : null}
      {deleteTask.isError ? (
        <QueryErrorAlert
          error={deleteTask.error}
          onRetry={() => {
            deleteTask.mutate(deleteTask.variables)
          }}
        />
      ) : null}
      <AddItemForm
        label="New task"
        submitLabel="Add task"
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
