import { describe, expect, it, vi } from 'vitest'

import { watchActivity } from './watch-activity'

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true })
  document.dispatchEvent(new Event('visibilitychange'))
}

describe('watchActivity', () => {
  it('hears keys, the pointer, the wheel, touch and focus anywhere on the page', () => {
    const onActivity = vi.fn()
    const stop = watchActivity(onActivity)
    const field = document.body.appendChild(document.createElement('input'))
    // A handler that stops the event does not hide it: activity is heard in the capture phase.
    field.addEventListener('keydown', (event) => {
      event.stopPropagation()
    })

    field.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true }))
    field.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    field.dispatchEvent(new Event('pointermove', { bubbles: true }))
    field.dispatchEvent(new WheelEvent('wheel', { bubbles: true }))
    field.dispatchEvent(new Event('touchstart', { bubbles: true }))
    field.focus()

    expect(onActivity).toHaveBeenCalledTimes(6)
    stop()
    field.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true }))
    expect(onActivity).toHaveBeenCalledTimes(6)
    field.remove()
  })

  it('counts the tab coming back into view, not going out of it', () => {
    const onActivity = vi.fn()
    const stop = watchActivity(onActivity)

    setVisibility('hidden')
    expect(onActivity).not.toHaveBeenCalled()
    setVisibility('visible')
    expect(onActivity).toHaveBeenCalledTimes(1)
    window.dispatchEvent(new Event('pageshow'))
    expect(onActivity).toHaveBeenCalledTimes(2)
    stop()
  })
})
