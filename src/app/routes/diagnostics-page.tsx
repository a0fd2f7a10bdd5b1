import { useEffect, useState } from 'react'

import { type AuthEventName, useAuthClient } from '../../auth/react'
import { TokenTable } from '../../components/token-table'

const EVENTS: readonly AuthEventName[] = [
  'signed-in',
  'token-renewed',
  'renewal-failed',
  'interaction-required',
  'signed-out',
]
const MAX_EVENTS = 20

interface LoggedEvent {
  readonly id: number
  readonly at: string
  readonly name: AuthEventName
  readonly detail: string
}

/** Development diagnostics (`"diagnostics": true`): the token cache and recent auth events. */
export function DiagnosticsPage() {
  const auth = useAuthClient()
  const [rows, setRows] = useState(() => auth.inspectTokens())
  const [events, setEvents] = useState<readonly LoggedEvent[]>([])

  useEffect(() => {
    const timer = setInterval(() => {
      setRows(auth.inspectTokens())
    }, 1_000)
    let id = 0
    const unsubscribe = EVENTS.map((name) =>
      auth.on(name, (event) => {
        const detail = Object.entries(event)
          .map(([key, value]) => `${key}=${value instanceof Error ? value.message : String(value)}`)
          .join(' ')
        setEvents((list) =>
          [{ id: ++id, at: new Date().toLocaleTimeString(), name, detail }, ...list].slice(
            0,
            MAX_EVENTS,
          ),
        )
        setRows(auth.inspectTokens())
      }),
    )
    return () => {
      clearInterval(timer)
      for (const off of unsubscribe) off()
    }
  }, [auth])

  return (
    <section className="stack">
      <h1>Diagnostics</h1>
      <TokenTable rows={rows} />
      <section aria-labelledby="events-heading" className="card">
        <h2 id="events-heading">Auth events</h2>
        {events.length === 0 ? (
          <p className="muted">No events since this page opened.</p>
        ) : (
          <ol className="events" aria-label="Auth events">
            {events.map((event) => (
              <li key={event.id}>
                <time>{event.at}</time> <strong>{event.name}</strong> {event.detail}
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  )
}
