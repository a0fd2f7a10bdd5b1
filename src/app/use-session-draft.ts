import { useEffect, useState } from 'react'

const PREFIX = 'tessera.draft:'

interface StoredDraft {
  readonly sub: string
  readonly value: string
}

function readDraft(key: string, sub: string | undefined): string {
  try {
    const stored = JSON.parse(sessionStorage.getItem(PREFIX + key) ?? 'null') as StoredDraft | null
    return stored && stored.sub === sub && typeof stored.value === 'string' ? stored.value : ''
  } catch {
    return ''
  }
}

/**
 * Form input that survives a forced re-sign-in: kept in this tab's sessionStorage for the user
 * who typed it, restored when they come back, never shown to another user.
 */
export function useSessionDraft(key: string, sub: string | undefined) {
  const [value, setValue] = useState(() => readDraft(key, sub))

  useEffect(() => {
    if (sub === undefined) return
    if (value === '') sessionStorage.removeItem(PREFIX + key)
    else sessionStorage.setItem(PREFIX + key, JSON.stringify({ sub, value } satisfies StoredDraft))
  }, [key, sub, value])

  return [value, setValue] as const
}

/** Forgets every draft (a deliberate sign-out). */
export function clearSessionDrafts(): void {
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith(PREFIX)) sessionStorage.removeItem(key)
  }
}
