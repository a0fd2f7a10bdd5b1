import { afterAll, beforeAll } from 'vitest'

import type { RunningServer } from '../config'

/** Starts the servers (in order) before the test file's suite and closes them after it. */
export function serversForSuite(...starters: (() => Promise<RunningServer>)[]): void {
  const servers: RunningServer[] = []
  beforeAll(async () => {
    for (const start of starters) servers.push(await start())
  })
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()))
  })
}
