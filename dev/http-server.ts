import type { Server } from 'node:http'
import { Socket } from 'node:net'

import { HOST } from './config'

/**
 * The bench's emulated network (dev/bench/flows.ts): how long a new connection waits before a
 * server reads it, standing in for TCP's handshake. Chromium's network emulation delays every
 * request but opens connections for free, so what a warmed connection saves would not show.
 */
let connectionSetupMs = 0

/** From now on every server started here holds each new connection `ms` long (0: never). */
export function emulateConnectionSetup(ms: number): void {
  connectionSetupMs = ms
}

/**
 * Node's http server takes a connection over in its `connection` event: delaying that event is
 * the one place to hold a connection before a byte of it is read.
 */
export function holdNewConnections(server: Server): void {
  const emit = server.emit.bind(server)
  server.emit = ((event: string, ...args: unknown[]) => {
    const [socket] = args
    if (event !== 'connection' || connectionSetupMs === 0 || !(socket instanceof Socket)) {
      return emit(event, ...args)
    }
    socket.pause()
    setTimeout(() => {
      if (socket.destroyed) return
      if (!server.listening) {
        socket.destroy()
        return
      }
      emit(event, ...args)
      socket.resume()
    }, connectionSetupMs)
    return true
  }) as Server['emit']
}

/** Listens on HOST:port; rejects (e.g. EADDRINUSE) instead of emitting an unhandled error. */
export function listen(server: Server, port: number): Promise<void> {
  holdNewConnections(server)
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
