import { useApiRead, useApiWrite } from '../api/hooks'
import { QueryErrorAlert } from '../app/query-error-alert'
import { useSessionDraft } from '../app/use-session-draft'
import { useAuth } from '../auth/react'
import { AddItemForm } from '../components/add-item-form'
import { StatusMessage } from '../components/status-message'
import { NoteList } from './note-list'
import { addNote as addNoteWrite, notes as notesRead } from './notes'

/** Notes live in a second API with its own audience: the page proves one sign-in serves both. */
export function NotesPage() {
  const notes = useApiRead(notesRead)
  const addNote = useApiWrite(addNoteWrite)
  const { user } = useAuth()
  const [draft, setDraft] = useSessionDraft('notes:new', user?.sub)

  return (
    <section className="stack">
      <h1>Notes</h1>
      <p className="lead">
        Kept by the notes API, a second audience: the same sign-in, its own access token.
      </p>
      {notes.isPending ? (
        <StatusMessage>
          {notes.isPaused
            ? 'You are offline; your notes load when you reconnect…'
            : 'Loading your notes…'}
        </StatusMessage>
      ) : null}
      {notes.isError ? (
        <QueryErrorAlert
          error={notes.error}
          onRetry={() => {
            void notes.refetch()
          }}
        />
      ) : null}
      {notes.data ? <NoteList notes={notes.data} /> : null}
      <AddItemForm
        label="New note"
        submitLabel="Add note"
        value={draft}
        onChange={setDraft}
        busy={addNote.isPending}
        onSubmit={(text) => {
          addNote.mutate(text, {
            onSuccess: () => {
              setDraft('')
            },
          })
        }}
      />
      {addNote.isError ? (
        <QueryErrorAlert
          error={addNote.error}
          onRetry={() => {
            addNote.mutate(draft.trim())
          }}
        />
      ) : null}
    </section>
  )
}
