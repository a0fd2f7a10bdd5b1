/**
 * The chart of the bench's latest run (docs/bench-latest.svg): per timed flow, each app's median
 * as a bar and its IQR (first to third quartile) as a whisker. Each flow has a scale of its own:
 * the flows run from tens of milliseconds to seconds, and a shared scale would flatten the short
 * ones. Plain SVG text, so the bench needs no charting dependency.
 */
import type { Stats } from './spread'

export interface ChartApp {
  readonly name: string
  readonly stats: Stats
}

export interface ChartFlow {
  readonly label: string
  /** Tessera first, then the peers, in the same order in every flow. */
  readonly apps: readonly ChartApp[]
}

export interface ChartInput {
  readonly title: string
  readonly subtitle: string
  readonly flows: readonly ChartFlow[]
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value`: a scale's end that reads as a round number. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  const step = [1, 2, 5, 10].find((m) => m * power >= value) ?? 10
  return step * power
}

/** Maps 0…`max` ms onto 0…`width` px; values outside are held at the ends. */
export function linearScale(max: number, width: number): (ms: number) => number {
  return (ms) => (Math.min(Math.max(ms, 0), max) / max) * width
}

export interface BarGeometry {
  /** The bar's length: the median. */
  readonly barWidth: number
  /** The whisker: first to third quartile. */
  readonly whiskerFrom: number
  readonly whiskerTo: number
}

export function barGeometry(stats: Stats, scale: (ms: number) => number): BarGeometry {
  return { barWidth: scale(stats.median), whiskerFrom: scale(stats.q1), whiskerTo: scale(stats.q3) }
}

const COLOURS = ['#4f46e5', '#d97706', '#0f766e', '#be185d']
const WIDTH = 960
const NAME_WIDTH = 170
const PLOT_WIDTH = 640
const BAR_HEIGHT = 10
const ROW = 16
const LABEL_ROW = 18
const GROUP_GAP = 14
const TOP = 70

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function flowGroup(flow: ChartFlow, top: number): string {
  const end = niceCeiling(Math.max(...flow.apps.map((app) => app.stats.q3)))
  const scale = linearScale(end, PLOT_WIDTH)
  const axisBottom = top + LABEL_ROW + flow.apps.length * ROW
  const parts = [
    `<text x="10" y="${String(top + 12)}" class="flow">${escape(flow.label)}</text>`,
    `<line x1="${String(NAME_WIDTH)}" y1="${String(top + LABEL_ROW - 2)}" x2="${String(NAME_WIDTH)}" y2="${String(axisBottom)}" class="axis"/>`,
    `<text x="${String(NAME_WIDTH + PLOT_WIDTH)}" y="${String(top + 12)}" class="end">${String(end)} ms</text>`,
  ]
  flow.apps.forEach((app, i) => {
    const y = top + LABEL_ROW + i * ROW
    const mid = y + BAR_HEIGHT / 2
    const { barWidth, whiskerFrom, whiskerTo } = barGeometry(app.stats, scale)
    const colour = COLOURS[i % COLOURS.length] ?? '#000'
    const x = (dx: number) => String(NAME_WIDTH + dx)
    parts.push(
      `<text x="${String(NAME_WIDTH - 8)}" y="${String(y + 9)}" class="name">${escape(app.name)}</text>`,
      `<rect x="${x(0)}" y="${String(y)}" width="${barWidth.toFixed(1)}" height="${String(BAR_HEIGHT)}" fill="${colour}" fill-opacity="0.75"/>`,
      `<path d="M${x(whiskerFrom)} ${String(y)}v${String(BAR_HEIGHT)}M${x(whiskerFrom)} ${String(mid)}H${x(whiskerTo)}M${x(whiskerTo)} ${String(y)}v${String(BAR_HEIGHT)}" class="iqr"/>`,
      `<text x="${x(Math.max(barWidth, whiskerTo) + 6)}" y="${String(y + 9)}" class="value">${app.stats.median.toFixed(0)} [${app.stats.q1.toFixed(0)}–${app.stats.q3.toFixed(0)}]</text>`,
    )
  })
  return parts.join('\n  ')
}

/** The whole chart, as an SVG document. */
export function benchChart(input: ChartInput): string {
  let top = TOP
  const groups = input.flows.map((flow) => {
    const group = flowGroup(flow, top)
    top += LABEL_ROW + flow.apps.length * ROW + GROUP_GAP
    return group
  })
  const height = top + 10
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${String(WIDTH)}" height="${String(height)}" viewBox="0 0 ${String(WIDTH)} ${String(height)}" font-family="system-ui, sans-serif">
  <style>
    text { fill: #1c1b29; font-size: 11px; }
    .title { font-size: 15px; font-weight: 600; }
    .flow { font-weight: 600; }
    .name, .end { text-anchor: end; }
    .end, .value { fill: #5b5a6e; }
    .axis { stroke: #9a99ad; }
    .iqr { stroke: #1c1b29; stroke-width: 1.2; fill: none; }
  </style>
  <rect width="100%" height="100%" fill="#ffffff"/>
  <text x="10" y="24" class="title">${escape(input.title)}</text>
  <text x="10" y="44">${escape(input.subtitle)}</text>
  <text x="10" y="60">Bars: median; whiskers: interquartile range (q1–q3); each flow has its own scale, 0 to the value at its right.</text>
  ${groups.join('\n  ')}
</svg>
`
}
