import { describe, expect, it } from 'vitest'

import { barGeometry, benchChart, linearScale, niceCeiling } from './chart'
import { stats } from './spread'

describe('the bench chart', () => {
  it('ends a scale on the next 1, 2 or 5 × 10ⁿ', () => {
    expect([0, 1.2, 180, 200, 201, 730, 1450].map(niceCeiling)).toEqual([
      1, 2, 200, 200, 500, 1000, 2000,
    ])
  })

  it('draws the median as the bar and q1–q3 as the whisker, on the flow’s scale', () => {
    const scale = linearScale(200, 400)
    expect(scale(-5)).toBe(0)
    expect(scale(250)).toBe(400)
    expect(barGeometry(stats([40, 45, 50, 60, 80]), scale)).toEqual({
      barWidth: 100,
      whiskerFrom: 90,
      whiskerTo: 120,
    })
  })

  it('escapes the labels it writes into the SVG', () => {
    const svg = benchChart({
      title: 'A & B',
      subtitle: 'x < y',
      flows: [{ label: 'click "Sign in"', apps: [{ name: 'Tessera', stats: stats([1, 2, 3]) }] }],
    })
    expect(svg).toContain('A &amp; B')
    expect(svg).toContain('x &lt; y')
    expect(svg).not.toContain('x < y')
  })
})
