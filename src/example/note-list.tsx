interface NoteItem {
  readonly id: string
  readonly text: string
  readonly createdAt: string
}

export function NoteList({ notes }: { readonly notes: readonly NoteItem[] }) {
  if (notes.length === 0) return <p className="muted">No notes yet. Write the first one below.</p>
  return (
    <ul className="tasks" aria-label="Notes">
      {notes.map((note) => (
        <li key={note.id} className="task">
          {note.text}{' '}
          <time className="muted" dateTime={note.createdAt}>
            {new Date(note.createdAt).toLocaleString()}
          </time>
        </li>
      ))}
    </ul>
  )
}
