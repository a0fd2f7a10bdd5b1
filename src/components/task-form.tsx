import { useId } from 'react'

interface TaskFormProps {
  readonly value: string
  readonly onChange: (value: string) => void
  readonly onSubmit: (title: string) => void
  readonly busy: boolean
}

/** A controlled form, so the page that owns the draft decides how long it lives. */
export function TaskForm({ value, onChange, onSubmit, busy }: TaskFormProps) {
  const inputId = useId()
  return (
    <form
      className="task-form"
      onSubmit={(event) => {
        event.preventDefault()
        const title = value.trim()
        if (title) onSubmit(title)
      }}
    >
      <label htmlFor={inputId}>New task</label>
      <div className="row">
        <input
          id={inputId}
          value={value}
          maxLength={200}
          onChange={(event) => {
            onChange(event.target.value)
          }}
        />
        <button type="submit" disabled={busy || value.trim() === ''}>
          {busy ? 'Adding…' : 'Add task'}
        </button>
      </div>
    </form>
  )
}
