import type { Server } from 'node:http'

import { HOST } from './config'

/** Listens on HOST:port; rejects (e.g. EADDRINUSE) instead of emitting an unhandled error. */
export function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

/** Stops accepting and drops kept-alive connections, so a stop never hangs on a browser. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => {
      if (error) reject(error)
      else resolve()
    })
    server.closeAllConnections()
  })
}
