/**
 * Timed flows of several apps, measured alternately on one machine at one time. This machine's
 * speed drifts between runs by more than most single changes move a flow (±30 ms); alternating
 * the samples spreads that drift over every app, so their difference is the apps'.
 */
import type { Browser, Page } from '@playwright/test'

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

/** An app whose stack is running, and what the bench does in its signed-in page. */
export interface RunningApp {
  readonly stack: DevStack
  readonly whileSignedIn?: (page: Page, run: number) => Promise<void>
}

/** `runs` rounds of every timed flow per app, in turns; rounds[i] is apps[i]'s. */
export async function alternateRounds(
  browser: Browser,
  apps: readonly RunningApp[],
  runs: number,
): Promise<FlowRound[][]> {
  const rounds = apps.map((): FlowRound[] => [])
  for (let run = 0; run < runs; run++) {
    // The apps take turns going first (with two, every other run), so none always follows
    // another's warm-up.
    const order = apps.map((_, i) => (i + run) % apps.length)
    for (const i of order) {
      const app = apps[i]
      const user = app?.stack.users[0]
      if (!app || !user) throw new Error('dev/config.ts has no demo user')
      const whileSignedIn = app.whileSignedIn
      rounds[i]?.push(
        await flowRound(
          browser,
          app.stack,
          user,
          whileSignedIn && ((page) => whileSignedIn(page, run)),
        ),
      )
    }
  }
  return rounds
}

/** Starts each build on its own stack and measures them alternately. */
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
    return await alternateRounds(browser, builds, runs)
  } finally {
    for (const stack of running.reverse()) await stack.close()
  }
}
