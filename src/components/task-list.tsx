interface TaskItem {
  readonly id: string
  readonly title: string
  readonly done: boolean
}

export function TaskList({ tasks }: { readonly tasks: readonly TaskItem[] }) {
  if (tasks.length === 0) return <p className="muted">No tasks yet. Add the first one below.</p>
  return (
    <ul className="tasks" aria-label="Tasks">
      {tasks.map((task) => (
        <li key={task.id} className={task.done ? 'task done' : 'task'}>
          {task.title}
        </li>
      ))}
    </ul>
  )
}
