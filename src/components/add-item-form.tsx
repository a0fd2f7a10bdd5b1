import { useId } from 'react'

interface AddItemFormProps {
  /** The field's visible label, e.g. "New task". */
  readonly label: string
  /** The button's text, e.g. "Add task". */
  readonly submitLabel: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly onSubmit: (text: string) => void
  readonly busy: boolean
}

/** A one-field form, controlled so the page that owns the draft decides how long it lives. */
export function AddItemForm({
  label,
  submitLabel,
  value,
  onChange,
  onSubmit,
  busy,
}: AddItemFormProps) {
  const inputId = useId()
  return (
    <form
      className="add-item-form"
      onSubmit={(event) => {
        event.preventDefault()
        const text = value.trim()
        if (text) onSubmit(text)
      }}
    >
      <label htmlFor={inputId}>{label}</label>
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
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  )
}
