/**
 * How long a page that is about to leave (for the provider) or to complete a sign-in may stay
 * on index.html's placeholder before React shows its progress page. Below this, a progress page
 * would only flash, and rendering it competes for the main thread with the very work it reports.
 */
export const PROGRESS_PATIENCE_MS = 300

/**
 * Calls `render` once: when `settled` settles, or after `patienceMs`, whichever comes first.
 * While `leaving()` says the page is navigating away, settling renders nothing (only patience
 * running out does, for a slow provider).
 */
export function renderWhenSettled(
  settled: Promise<unknown>,
  render: () => void,
  options: { leaving?: () => boolean; patienceMs?: number } = {},
): void {
  let rendered = false
  const once = () => {
    if (rendered) return
    rendered = true
    render()
  }
  const timer = setTimeout(once, options.patienceMs ?? PROGRESS_PATIENCE_MS)
  const done = () => {
    if (options.leaving?.()) return
    clearTimeout(timer)
    once()
  }
  settled.then(done, done)
}
