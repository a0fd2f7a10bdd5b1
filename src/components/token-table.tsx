import { useId } from 'react'

interface TokenRow {
  readonly api: string
  readonly scopes: readonly string[]
  readonly resource: string | undefined
  readonly expiresInMs: number | undefined
  readonly renewsInMs: number | undefined
}

function seconds(ms: number | undefined): string {
  if (ms === undefined) return 'no token yet'
  return ms <= 0 ? 'expired' : `${String(Math.round(ms / 1000))} s`
}

/** The access-token cache as a table; tokens themselves are never shown. */
export function TokenTable({ rows }: { readonly rows: readonly TokenRow[] }) {
  // Named from outside the scrolling box, so the name stays in view when the table scrolls.
  const captionId = useId()
  return (
    <div>
      <p id={captionId} className="table-caption">
        Access tokens held by this tab (values redacted)
      </p>
      {/* Scrolls sideways by itself on a narrow screen; focusable so a keyboard can scroll it
          too (WCAG 2.1.1, axe's scrollable-region-focusable). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="token-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">API</th>
              <th scope="col">Scopes</th>
              <th scope="col">Resource or audience</th>
              <th scope="col">Renews in</th>
              <th scope="col">Expires in</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.api}>
                <th scope="row">{row.api}</th>
                <td>{row.scopes.join(' ')}</td>
                <td>{row.resource ?? '—'}</td>
                <td>{seconds(row.renewsInMs)}</td>
                <td>{seconds(row.expiresInMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
