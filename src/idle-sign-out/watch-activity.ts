/**
 * What counts as the user being here: the pointer, keys, the wheel, touch, focus moving. Seen in
 * the capture phase, so nothing on the page can hide them.
 */
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focus']

/**
 * Calls `onActivity` on the user's activity in this tab, and when the tab comes back into view
 * (shown again, restored from the back/forward cache): a tab that was hidden or asleep then
 * reads the clock at once. Returns the function that stops watching.
 */
export function watchActivity(onActivity: () => void, target: Window = window): () => void {
  const options = { capture: true, passive: true }
  const onShown = () => {
    if (target.document.visibilityState === 'visible') onActivity()
  }
  for (const type of ACTIVITY_EVENTS) target.addEventListener(type, onActivity, options)
  target.addEventListener('pageshow', onActivity)
  target.document.addEventListener('visibilitychange', onShown)
  return () => {
    for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, onActivity, options)
    target.removeEventListener('pageshow', onActivity)
    target.document.removeEventListener('visibilitychange', onShown)
  }
}
