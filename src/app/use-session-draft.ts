import { useEffect, useState } from 'react'

import { readDraft, writeDraft } from './session-drafts'

/**
 * Form input that survives a forced re-sign-in: kept in this tab's sessionStorage for the user
 * who typed it, restored when they come back, never shown to another user.
 */
export function useSessionDraft(key: string, sub: string | undefined) {
  const [value, setValue] = useState(() => readDraft(key, sub))

  useEffect(() => {
    if (sub !== undefined) writeDraft(key, sub, value)
  }, [key, sub, value])

  return [value, setValue] as const
}
