import * as v from 'valibot'

import { type ApiEndpoint, callApi } from '../client'
import { NOTES_API } from './api-names'

const NoteSchema = v.object({ id: v.string(), text: v.string(), createdAt: v.string() })
const NoteListSchema = v.object({ notes: v.array(NoteSchema) })

export type Note = v.InferOutput<typeof NoteSchema>

export function notesKey(sub: string | undefined) {
  return [NOTES_API, sub, 'notes'] as const
}

/** The signed-in user's notes (`GET /notes` on the notes API). */
export function notesQuery(endpoint: ApiEndpoint, sub: string | undefined) {
  return {
    queryKey: notesKey(sub),
    queryFn: async ({ signal }: { signal: AbortSignal }): Promise<Note[]> =>
      v.parse(NoteListSchema, await callApi(endpoint, '/notes', { signal })).notes,
    enabled: sub !== undefined,
  }
}

/** Adds a note (`POST /notes`). */
export async function addNote(endpoint: ApiEndpoint, text: string): Promise<Note> {
  return v.parse(NoteSchema, await callApi(endpoint, '/notes', { method: 'POST', body: { text } }))
}
