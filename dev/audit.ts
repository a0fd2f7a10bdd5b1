/**
 * `npm test`'s first step: no high or critical advisory in production dependencies. When the
 * registry's audit service cannot be reached it says so loudly and lets the run continue,
 * since an unreachable service is not a finding (run `npm audit --omit=dev` to see details).
 */
import { spawnSync } from 'node:child_process'

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' })
let report: { metadata?: { vulnerabilities?: Record<string, number> }; message?: string }
try {
  report = JSON.parse(run.stdout) as typeof report
} catch {
  report = { message: run.stderr.trim() || 'no JSON report' }
}
const counts = report.metadata?.vulnerabilities
if (!counts) {
  console.warn(`npm audit: NOT AUDITED (${report.message ?? 'no report'})`)
} else {
  const serious = (counts.high ?? 0) + (counts.critical ?? 0)
  if (serious > 0) {
    console.error(
      `npm audit: ${String(serious)} high or critical advisories in production dependencies; run npm audit --omit=dev`,
    )
    process.exit(1)
  }
  console.log('npm audit: no high or critical advisories in production dependencies')
}
