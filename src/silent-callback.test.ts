import { describe, expect, it, vi } from 'vitest'

import { parseSilentCallbackMessage } from './auth/core/renewal/silent-message'
import { announceSilentCallback } from './silent-callback'

const URL_IN_FRAME = 'https://app.example.test/silent-callback.html?code=c&state=s'

describe('the silent callback page', () => {
  it('posts its URL to the framing window, for this origin only, in the shape the app reads', () => {
    const postMessage = vi.fn()
    const parent = { postMessage } as unknown as Window

    const posted = announceSilentCallback({
      parent,
      location: { href: URL_IN_FRAME, origin: 'https://app.example.test' } as Location,
    })

    expect(posted).toBe(true)
    expect(postMessage).toHaveBeenCalledTimes(1)
    const [data, targetOrigin] = postMessage.mock.calls[0] as [unknown, string]
    expect(targetOrigin).toBe('https://app.example.test')
    expect(parseSilentCallbackMessage(data)).toBe(URL_IN_FRAME)
  })

  it('posts nothing when opened on its own', () => {
    expect(announceSilentCallback(window)).toBe(false)
  })
})
