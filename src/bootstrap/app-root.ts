/** The part of `document` finding the root element needs. */
export type RootDocument = Pick<Document, 'readyState' | 'getElementById' | 'addEventListener'>

/**
 * The element the app renders into. index.html runs the bootstrap `async`, so it starts as soon
 * as its code is here instead of after the whole document is parsed; `#root` may not be parsed
 * yet then, and is waited for.
 */
export function appRoot(doc: RootDocument = document): Promise<HTMLElement> {
  const root = doc.getElementById('root')
  if (root) return Promise.resolve(root)
  const missing = () => new Error('index.html has no element with id="root" to render into.')
  if (doc.readyState !== 'loading') return Promise.reject(missing())
  return new Promise((resolve, reject) => {
    doc.addEventListener(
      'DOMContentLoaded',
      () => {
        const parsed = doc.getElementById('root')
        if (parsed) resolve(parsed)
        else reject(missing())
      },
      { once: true },
    )
  })
}
