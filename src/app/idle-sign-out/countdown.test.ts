// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { countdownAnnouncement, formatDuration } from './countdown'

describe('formatDuration', () => {
  it.each([
    [15 * 60_000, '15 minutes'],
    [60_000, '1 minute'],
    [90_000, '1 minute 30 seconds'],
    [30_000, '30 seconds'],
    [1_000, '1 second'],
    [2 * 3_600_000 + 60_000, '2 hours 1 minute'],
    [400, '0 seconds'],
    [-5_000, '0 seconds'],
  ])('says %i ms as "%s"', (ms, words) => {
    expect(formatDuration(ms)).toBe(words)
  })
})

describe('countdownAnnouncement', () => {
  it('says nothing until the last 10 seconds, then changes only at 10 and at 5', () => {
    const said = [60, 30, 11, 10, 9, 6, 5, 4, 1, 0].map(countdownAnnouncement)

    expect(said.slice(0, 3)).toEqual(['', '', ''])
    expect(new Set(said.slice(3, 6))).toEqual(
      new Set(['10 seconds left before you are signed out.']),
    )
    expect(new Set(said.slice(6))).toEqual(new Set(['5 seconds left before you are signed out.']))
  })
})
