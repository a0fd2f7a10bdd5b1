import { randomUUID } from 'node:crypto'

import { HttpError, problem, readJson, sendJson } from './http'
import { BODY_LIMIT, type Route } from './routes'

export interface Note {
  readonly id: string
  readonly text: string
  readonly createdAt: string
}

const TEXT_MAX_LENGTH = 200

function validateText(body: unknown): string {
  const text = typeof body === 'object' && body !== null && 'text' in body ? body.text : undefined
  if (typeof text !== 'string' || text.trim() === '' || text.trim().length > TEXT_MAX_LENGTH) {
    throw new HttpError(
      problem(
        400,
        'invalid-note',
        'Invalid note',
        `The body must be {"text": "…"} with 1 to ${String(TEXT_MAX_LENGTH)} characters.`,
      ),
    )
  }
  return text.trim()
}

/** The notes API: each user's notes, in memory. Its own audience and `notes:*` scopes. */
export function notesRoutes(notes = new Map<string, Note[]>()): readonly Route[] {
  return [
    {
      method: 'GET',
      path: '/notes',
      scope: 'notes:read',
      handle: ({ res }, token) => {
        sendJson(res, 200, { notes: notes.get(token.sub) ?? [] })
      },
    },
    {
      method: 'POST',
      path: '/notes',
      scope: 'notes:write',
      handle: async ({ req, res }, token) => {
        const note: Note = {
          id: randomUUID(),
          text: validateText(await readJson(req, BODY_LIMIT)),
          createdAt: new Date().toISOString(),
        }
        notes.set(token.sub, [...(notes.get(token.sub) ?? []), note])
        sendJson(res, 201, note)
      },
    },
  ]
}
