/**
 * Size budgets, enforced by `npm test` after the build: sizes are deterministic, times are not
 * (those are reported by `npm run bench`). Needs the build's hidden source maps.
 */
import { fileURLToPath } from 'node:url'

import { measureBundle } from './bundle-size'

const KIB = 1024
/** gzip KiB. The auth share is oidc-client-ts + jose + Tessera's auth core and bindings. */
const BUDGETS = {
  'auth share on the sign-in path': {
    limit: 25 * KIB,
    actual: (r: Report) => r.authSignInPath.gzip,
  },
  'auth share on a signed-in reload': {
    limit: 10 * KIB,
    actual: (r: Report) => r.authFirstLoad.gzip,
  },
  // 1 KiB above the single bundle's 125: the price of splitting off the React app (module glue,
  // Vite's preload helper), which keeps a signed-out deep link to the bootstrap budget below.
  // 1 KiB more once the render rehearsal (0.6) and the connection warm-ups (0.2) used up the
  // margin (ADR 0011 has what each buys). The next cut, when this must come down: the notes
  // and tasks pages as chunks of their own.
  'first-load JS': { limit: 127 * KIB, actual: (r: Report) => r.firstLoad.gzip },
  'bootstrap JS (a signed-out deep link runs only this before leaving)': {
    limit: 26 * KIB,
    actual: (r: Report) => r.bootstrap.gzip,
  },
} as const

type Report = ReturnType<typeof measureBundle>

const report = measureBundle(fileURLToPath(new URL('../../dist', import.meta.url)))
let failed = false
for (const [name, budget] of Object.entries(BUDGETS)) {
  const actual = budget.actual(report)
  const ok = actual <= budget.limit
  failed ||= !ok
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${name}: ${(actual / KIB).toFixed(1)} KiB gzip (budget ${String(budget.limit / KIB)} KiB)`,
  )
}
if (failed) {
  console.error('A size budget is exceeded: see dev/bench/check-size.ts.')
  process.exit(1)
}
