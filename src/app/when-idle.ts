/** Runs `task` when the browser is idle (or soon, where requestIdleCallback is missing: Safari). */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 2_000 })
    return () => {
      cancelIdleCallback(id)
    }
  }
  const id = setTimeout(task, 200)
  return () => {
    clearTimeout(id)
  }
}
