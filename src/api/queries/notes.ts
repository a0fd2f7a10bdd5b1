import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import * as v from 'valibot'

import { useAuth } from '../../auth/react'
import { type ApiEndpoint, callApi } from '../client'
import { NOTES_API } from './api-names'
import { useApiEndpoint } from './use-api-endpoint'

const NoteSchema = v.object({ id: v.string(), text: v.string(), createdAt: v.string() })
const NoteListSchema = v.object({ notes: v.array(NoteSchema) })

export type Note = v.InferOutput<typeof NoteSchema>

function notesKey(sub: string | undefined) {
  return [NOTES_API, sub, 'notes'] as const
}

export function notesQueryOptions(endpoint: ApiEndpoint, sub: string | undefined) {
  return queryOptions({
    queryKey: notesKey(sub),
    queryFn: async ({ signal }) =>
      v.parse(NoteListSchema, await callApi(endpoint, '/notes', { signal })).notes,
    enabled: sub !== undefined,
  })
}

/** The signed-in user's notes (`GET /notes` on the notes API). */
export function useNotes() {
  const endpoint = useApiEndpoint(NOTES_API)
  const { user } = useAuth()
  return useQuery(notesQueryOptions(endpoint, user?.sub))
}

/** Adds a note (`POST /notes`) and refreshes the list. */
export function useAddNote() {
  const endpoint = useApiEndpoint(NOTES_API)
  const { user } = useAuth()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (text: string) =>
      v.parse(NoteSchema, await callApi(endpoint, '/notes', { method: 'POST', body: { text } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notesKey(user?.sub) }),
  })
}
