/** Claims as a definition list; values that are not strings are shown as JSON. */
export function ClaimsList({ claims }: { readonly claims: Readonly<Record<string, unknown>> }) {
  return (
    <dl className="claims">
      {Object.entries(claims).map(([name, value]) => (
        <div key={name} className="claim">
          <dt>{name}</dt>
          <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  )
}
