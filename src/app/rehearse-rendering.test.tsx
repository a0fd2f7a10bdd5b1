import { describe, expect, it, vi } from 'vitest'

import { rehearseRendering } from './rehearse-rendering'

/** Everything ever added under `element`, as HTML. */
function recordAdditions(element: HTMLElement): string[] {
  const added: string[] = []
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof HTMLElement) added.push(node.outerHTML)
      }
    }
  }).observe(element, { childList: true, subtree: true })
  return added
}

function storageSnapshot(storage: Storage): string[] {
  return Array.from({ length: storage.length }, (_, i) => {
    const key = storage.key(i) ?? ''
    return `${key}=${storage.getItem(key) ?? ''}`
  })
}

describe('rehearseRendering', () => {
  it('renders a page like the app’s in a detached root, then throws it away', async () => {
    const detached = document.createElement('div')
    const added = recordAdditions(detached)

    await rehearseRendering(detached)

    expect(added.join('')).toContain('<h1>Profile</h1>')
    expect(added.join('')).toContain('Sign out')
    expect(detached.childNodes).toHaveLength(0)
  })

  it('touches nothing of the page: no request, no title, no DOM, no storage', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    sessionStorage.setItem('tessera.example', 'kept')
    document.title = 'Leaving'
    const body = document.body.innerHTML
    const storage = storageSnapshot(sessionStorage)

    await rehearseRendering()

    expect(fetchSpy).not.toHaveBeenCalled()
    expect(document.title).toBe('Leaving')
    expect(document.body.innerHTML).toBe(body)
    expect(storageSnapshot(sessionStorage)).toEqual(storage)
    fetchSpy.mockRestore()
  })
})
