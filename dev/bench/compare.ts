/**
 * Two builds' timed flows, measured alternately on one machine at one time. This machine's
 * speed drifts between runs by more than most single changes move a flow (±30 ms); alternating
 * the samples spreads that drift over both builds, so their difference is the change's.
 */
import type { Browser } from '@playwright/test'

import type { DevStack } from '../config'
import { startStack, type StartedStack } from '../stack'
import { type FlowRound, flowRound } from './flows'

export interface BuildUnderTest {
  readonly label: string
  /** The build's `dist/` folder. */
  readonly dist: string
  /** Its own stack (provider, APIs, static host), on ports no other build uses. */
  readonly stack: DevStack
}

/** `runs` rounds of every timed flow per build, in alternating order; rounds[i] is builds[i]'s. */
export async function compareBuilds(
  browser: Browser,
  builds: readonly BuildUnderTest[],
  runs: number,
): Promise<FlowRound[][]> {
  const running: StartedStack[] = []
  try {
    for (const build of builds) {
      running.push(await startStack(build.stack, { mode: 'dist', root: build.dist }))
    }
    const rounds = builds.map((): FlowRound[] => [])
    for (let run = 0; run < runs; run++) {
      // Each build goes first every other run: neither always follows the other's warm-up.
      const order = builds.map((_, i) => i)
      if (run % 2 === 1) order.reverse()
      for (const i of order) {
        const build = builds[i]
        const user = build?.stack.users[0]
        if (!build || !user) throw new Error('dev/config.ts has no demo user')
        rounds[i]?.push(await flowRound(browser, build.stack, user))
      }
    }
    return rounds
  } finally {
    for (const stack of running.reverse()) await stack.close()
  }
}
