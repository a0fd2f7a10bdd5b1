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
  return (
    <table className="token-table">
      <caption>Access tokens held by this tab (values redacted)</caption>
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
  )
}
