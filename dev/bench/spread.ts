/**
 * A flow's samples summed up, and the rule that says whether one build beat another. This
 * machine's times drift between runs by more than most single changes move a flow, so a
 * difference counts only when it is larger than the samples' own spread.
 */

export interface Stats {
  readonly median: number
  readonly min: number
  readonly max: number
  /** First and third quartiles: half the samples lie between them (the IQR). */
  readonly q1: number
  readonly q3: number
}

/** The value at fraction `p` of sorted `values`, interpolated between neighbours (Excel's QUARTILE.INC). */
function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  const at = p * (sorted.length - 1)
  const below = sorted[Math.floor(at)] ?? 0
  const above = sorted[Math.ceil(at)] ?? below
  return below + (above - below) * (at - Math.floor(at))
}

export function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? 0,
    max: sorted.at(-1) ?? 0,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
  }
}

/** The interquartile range: a spread that one slow outlier in ten does not widen. */
export function iqr(s: Stats): number {
  return s.q3 - s.q1
}

export type Verdict = 'faster' | 'slower' | 'tie'

/**
 * How `candidate` compares with `baseline` (lower is better): faster or slower only when their
 * medians differ by more than the larger of the two IQRs; anything closer is a tie.
 */
export function verdict(baseline: Stats, candidate: Stats): Verdict {
  const spread = Math.max(iqr(baseline), iqr(candidate))
  const delta = candidate.median - baseline.median
  if (delta < -spread) return 'faster'
  if (delta > spread) return 'slower'
  return 'tie'
}
