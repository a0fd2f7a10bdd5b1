import { describe, expect, it } from 'vitest'

import { appRoot, type RootDocument } from './app-root'

/** A document still being parsed: `#root` appears when `finishParsing` runs. */
function loadingDocument(withRoot: boolean) {
  const parsed = document.implementation.createHTMLDocument('Tessera')
  let readyState: DocumentReadyState = 'loading'
  const listeners: (() => void)[] = []
  const doc: RootDocument = {
    get readyState() {
      return readyState
    },
    getElementById: (id) => (readyState === 'loading' ? null : parsed.getElementById(id)),
    addEventListener: (type: string, listener: EventListenerOrEventListenerObject) => {
      if (type === 'DOMContentLoaded' && typeof listener === 'function') {
        listeners.push(() => {
          listener(new Event(type))
        })
      }
    },
  }
  return {
    doc,
    finishParsing: () => {
      if (withRoot) parsed.body.append(Object.assign(parsed.createElement('div'), { id: 'root' }))
      readyState = 'interactive'
      for (const listener of listeners) listener()
    },
  }
}

describe('appRoot', () => {
  it('finds #root at once when the document has it', async () => {
    const parsed = document.implementation.createHTMLDocument('Tessera')
    const root = Object.assign(parsed.createElement('div'), { id: 'root' })
    parsed.body.append(root)

    await expect(appRoot(parsed)).resolves.toBe(root)
  })

  it('waits for the parser when the bootstrap ran before #root was parsed', async () => {
    const { doc, finishParsing } = loadingDocument(true)
    const found = appRoot(doc)
    finishParsing()

    await expect(found).resolves.toHaveProperty('id', 'root')
  })

  it('says what is wrong when the parsed document has no #root', async () => {
    const { doc, finishParsing } = loadingDocument(false)
    const found = appRoot(doc)
    finishParsing()

    await expect(found).rejects.toThrow(/no element with id="root"/)
    await expect(appRoot(doc)).rejects.toThrow(/no element with id="root"/)
  })
})
