interface TaskItem {
  readonly id: string
  readonly title: string
  readonly done: boolean
}

interface TaskListProps {
  readonly tasks: readonly TaskItem[]
  readonly onDelete?: (id: string) => void
  /** The task being deleted, whose button is disabled. */
  readonly deletingId?: string | undefined
}

export function TaskList({ tasks, onDelete, deletingId }: TaskListProps) {
  if (tasks.length === 0) return <p className="muted">No tasks yet. Add the first one below.</p>
  return (
    <ul className="tasks" aria-label="Tasks">
      {tasks.map((task) => (
        <li key={task.id} className={task.done ? 'task done' : 'task'}>
          <span>{task.title}</span>
          {onDelete ? (
            <button
              type="button"
              className="quiet"
              aria-label={`Delete ${task.title}`}
              disabled={deletingId === task.id}
              onClick={() => {
                onDelete(task.id)
              }}
            >
              Delete
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
