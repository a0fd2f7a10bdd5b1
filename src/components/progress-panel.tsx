/**
 * A whole-page wait (completing a sign-in): a heading that says what is happening, inside a
 * polite live region so screen readers announce it too.
 */
export function ProgressPanel({
  title,
  detail,
}: {
  readonly title: string
  readonly detail?: string
}) {
  return (
    <div role="status" className="progress-panel">
      <span className="spinner spinner-large" aria-hidden="true" />
      <h1>{title}</h1>
      {detail ? <p className="muted">{detail}</p> : null}
    </div>
  )
}
