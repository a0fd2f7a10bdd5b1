/** The one action that helps after a configuration or unexpected error. */
export function ReloadButton() {
  return (
    <button
      type="button"
      className="primary"
      onClick={() => {
        window.location.reload()
      }}
    >
      Reload
    </button>
  )
}
