import type { RunningServer } from './config'

/** Closes `servers` on Ctrl-C or SIGTERM and exits: 0 when they closed cleanly. */
export function stopOnSignal(what: string, servers: readonly RunningServer[]): void {
  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: stopping the ${what}`)
    Promise.all(servers.map((server) => server.close())).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
