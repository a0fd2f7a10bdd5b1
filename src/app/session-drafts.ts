/**
 * Form input kept in this tab's sessionStorage for the user who typed it, so it survives a
 * forced re-sign-in (see use-session-draft.ts for the React side).
 */
const PREFIX = 'tessera.draft:'

interface StoredDraft {
  readonly sub: string
  readonly value: string
}

/** The draft `key` of `sub`; empty when there is none, or it belongs to another user. */
export function readDraft(key: string, sub: string | undefined): string {
  try {
    const stored = JSON.parse(sessionStorage.getItem(PREFIX + key) ?? 'null') as StoredDraft | null
    return stored && stored.sub === sub && typeof stored.value === 'string' ? stored.value : ''
  } catch {
    return ''
  }
}

export function writeDraft(key: string, sub: string, value: string): void {
  if (value === '') sessionStorage.removeItem(PREFIX + key)
  else sessionStorage.setItem(PREFIX + key, JSON.stringify({ sub, value } satisfies StoredDraft))
}

/** Forgets every draft (a deliberate sign-out). */
export function clearSessionDrafts(): void {
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith(PREFIX)) sessionStorage.removeItem(key)
  }
}
