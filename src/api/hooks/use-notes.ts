import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'

import { useAuth } from '../../auth/react'
import { addNote, NOTES_API, notesKey, notesQuery, refetchAfterWrite } from '../queries'
import { useApiEndpoint } from './use-api-endpoint'

/** The signed-in user's notes (`GET /notes` on the notes API). */
export function useNotes() {
  const endpoint = useApiEndpoint(NOTES_API)
  const { user } = useAuth()
  return useQuery(notesQuery(endpoint, user?.sub))
}

/** Adds a note (`POST /notes`) and refreshes the list. */
export function useAddNote() {
  const endpoint = useApiEndpoint(NOTES_API)
  const { user } = useAuth()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (text: string) => addNote(endpoint, text),
    // The list's first fetch may still be in flight, answered before this note was added.
    onSuccess: () => refetchAfterWrite(queryClient, { queryKey: notesKey(user?.sub) }),
  })
}
