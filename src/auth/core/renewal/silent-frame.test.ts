import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { runSilentFrame } from './silent-frame'

const APP = 'https://app.example.test'
const STATE = 'state-123'
/** What the silent callback page posts (src/silent-callback.ts). */
function silentCallbackMessage(url: string) {
  return { type: 'tessera:silent-callback', url }
}

const CALLBACK = `${APP}/silent-callback.html?code=c&state=${STATE}&iss=https%3A%2F%2Fidp.example.test`

function frame(): HTMLIFrameElement {
  const found = document.querySelector('iframe')
  if (!found) throw new Error('no frame')
  return found
}

function post(data: unknown, origin: string, source: Window | null): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }))
}

describe('runSilentFrame', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  const start = () =>
    runSilentFrame({
      url: 'https://idp.example.test/authorize?prompt=none',
      appOrigin: APP,
      state: STATE,
    })

  it('loads the request in a hidden frame and resolves with what that frame posts', async () => {
    const result = start()
    expect(frame()).toHaveAttribute('src', 'https://idp.example.test/authorize?prompt=none')
    expect(frame()).not.toBeVisible()

    post(silentCallbackMessage(CALLBACK), APP, frame().contentWindow)

    await expect(result).resolves.toBe(CALLBACK)
    expect(document.querySelector('iframe')).toBeNull()
  })

  it('ignores forged messages: another origin, another window, another state, other data (SEC-32)', async () => {
    const result = start()
    const source = frame().contentWindow
    const other = document.body.appendChild(document.createElement('iframe'))
    const outcome = result.then(
      (url) => ({ url }),
      (error: unknown) => ({ error }),
    )

    post(silentCallbackMessage(CALLBACK), 'https://evil.example', source)
    post(silentCallbackMessage(CALLBACK), APP, window)
    post(silentCallbackMessage(CALLBACK), APP, other.contentWindow)
    post(silentCallbackMessage(CALLBACK), APP, null)
    post(silentCallbackMessage(CALLBACK.replace(STATE, 'someone-elses')), APP, source)
    post({ type: 'tessera:silent-callback', url: 'not a url' }, APP, source)
    post(CALLBACK, APP, source)
    await vi.advanceTimersByTimeAsync(10_000)

    await expect(outcome).resolves.toMatchObject({ error: { code: 'silent_renewal_timeout' } })
    expect(document.querySelectorAll('iframe')).toHaveLength(1) // only the unrelated one
    other.remove()
  })

  it('gives up after 10 s with silent_renewal_timeout and removes the frame', async () => {
    const result = start()
    const outcome = result.catch((error: unknown) => error)

    await vi.advanceTimersByTimeAsync(9_999)
    expect(document.querySelector('iframe')).not.toBeNull()
    await vi.advanceTimersByTimeAsync(1)

    await expect(outcome).resolves.toMatchObject({ code: 'silent_renewal_timeout' })
    expect(document.querySelector('iframe')).toBeNull()
  })
})
