import * as v from 'valibot'

import { callApi } from '../api/client'
import { defineRead, defineWrite } from '../api/queries'

const NoteSchema = v.object({ id: v.string(), text: v.string(), createdAt: v.string() })

/** The signed-in user's notes (`GET /notes` on the notes API, a second audience). */
export const notes = defineRead({
  api: 'notes',
  resource: ['notes'],
  fetch: async (endpoint, { signal }) =>
    v.parse(v.object({ notes: v.array(NoteSchema) }), await callApi(endpoint, '/notes', { signal }))
      .notes,
})

/** Adds a note (`POST /notes`). */
export const addNote = defineWrite({
  api: 'notes',
  name: 'add-note',
  send: async (endpoint, text: string) =>
    v.parse(NoteSchema, await callApi(endpoint, '/notes', { method: 'POST', body: { text } })),
  changes: [notes],
})
