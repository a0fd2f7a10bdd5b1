/** A polite progress message for screen readers and sighted users alike. */
export function StatusMessage({ children }: { readonly children: string }) {
  return (
    <p role="status" className="status">
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  )
}
