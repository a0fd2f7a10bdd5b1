const UNITS = [
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
] as const

/** A duration in words, to the second: "15 minutes", "1 minute 30 seconds", "0 seconds". */
export function formatDuration(ms: number): string {
  let left = Math.max(0, Math.round(ms / 1_000)) * 1_000
  const parts: string[] = []
  for (const [unit, size] of UNITS) {
    const count = Math.floor(left / size)
    left -= count * size
    if (count > 0) parts.push(`${String(count)} ${unit}${count === 1 ? '' : 's'}`)
  }
  return parts.length > 0 ? parts.join(' ') : '0 seconds'
}

/** The seconds left at which the countdown is announced; the dialog's opening says the rest. */
const ANNOUNCED_AT = [5, 10] as const

/**
 * What the countdown's polite live region says with `secondsLeft` to go: it changes only at
 * the last 10 and 5 seconds, so a screen reader is not read a number every second.
 */
export function countdownAnnouncement(secondsLeft: number): string {
  const threshold = ANNOUNCED_AT.find((seconds) => secondsLeft <= seconds)
  return threshold === undefined
    ? ''
    : `${String(threshold)} seconds left before you are signed out.`
}
