import { describe, expect, it } from 'vitest'

import { iqr, stats, verdict } from './spread'

describe('stats', () => {
  it('gives the median and quartiles, interpolating between samples', () => {
    // Ten samples, as in an A/B of ten runs: quartiles fall between the 3rd/4th and 7th/8th.
    const s = stats([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])
    expect(s).toEqual({ median: 5.5, min: 1, max: 10, q1: 3.25, q3: 7.75 })
    expect(iqr(s)).toBe(4.5)
  })

  it('takes the middle sample of an odd count, and survives a single sample', () => {
    expect(stats([3, 100, 1]).median).toBe(3)
    expect(stats([42])).toEqual({ median: 42, min: 42, max: 42, q1: 42, q3: 42 })
  })

  it('keeps one outlier out of the spread', () => {
    const s = stats([100, 101, 102, 103, 104, 105, 106, 107, 108, 900])
    expect(iqr(s)).toBeLessThan(5)
  })
})

describe('verdict', () => {
  const around = (median: number, spread: number) =>
    stats([median - spread, median - spread / 2, median, median + spread / 2, median + spread])

  it('is faster or slower only beyond the larger of the two spreads', () => {
    // IQRs 10 and 20: a 21 ms difference counts, a 19 ms one does not.
    expect(verdict(around(200, 10), around(179, 20))).toBe('faster')
    expect(verdict(around(200, 10), around(181, 20))).toBe('tie')
    expect(verdict(around(200, 20), around(221, 10))).toBe('slower')
    expect(verdict(around(200, 20), around(219, 10))).toBe('tie')
  })

  it('calls equal medians a tie, however tight', () => {
    expect(verdict(stats([5, 5, 5]), stats([5, 5, 5]))).toBe('tie')
  })
})
