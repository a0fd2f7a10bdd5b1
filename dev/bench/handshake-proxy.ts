/**
 * The bench's emulated connection setup: a SOCKS5 proxy on loopback that an emulated-network
 * browser goes through. Chromium's network emulation delays every request but opens
 * connections for free, so what a warmed connection saves would not show; this proxy holds each
 * new connection before it is usable, standing in for TCP's handshake. Chromium keeps one
 * proxied connection per destination, as it does without a proxy, so preconnects, reuse and the
 * credentialed/anonymous split behave as on a real network. The servers themselves are not
 * touched: `npm start` and the e2e suite run them as they are.
 */
import { connect, createServer, type Server, type Socket } from 'node:net'

/** A SOCKS5 CONNECT request (RFC 1928 §4), parsed. */
export type SocksRequest =
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'invalid'; readonly reply: number }
  | {
      readonly kind: 'connect'
      readonly host: string
      readonly port: number
      readonly length: number
    }

/** RFC 1928 §6 reply codes. */
const SUCCEEDED = 0x00
const NOT_ALLOWED = 0x02
const COMMAND_NOT_SUPPORTED = 0x07
const ADDRESS_TYPE_NOT_SUPPORTED = 0x08

/** Parses the request that follows the method negotiation, from the start of `bytes`. */
export function parseSocksRequest(bytes: Buffer): SocksRequest {
  if (bytes.length < 5) return { kind: 'incomplete' }
  if (bytes[0] !== 5) return { kind: 'invalid', reply: COMMAND_NOT_SUPPORTED }
  if (bytes[1] !== 1) return { kind: 'invalid', reply: COMMAND_NOT_SUPPORTED } // CONNECT only
  const addressType = bytes[3]
  const addressLength =
    addressType === 1 ? 4 : addressType === 4 ? 16 : addressType === 3 ? 1 + (bytes[4] ?? 0) : -1
  if (addressLength < 0) return { kind: 'invalid', reply: ADDRESS_TYPE_NOT_SUPPORTED }
  const length = 4 + addressLength + 2
  if (bytes.length < length) return { kind: 'incomplete' }
  const address = bytes.subarray(4, 4 + addressLength)
  const host =
    addressType === 1
      ? address.join('.')
      : addressType === 3
        ? address.subarray(1).toString('latin1')
        : Array.from({ length: 8 }, (_, i) => address.readUInt16BE(2 * i).toString(16)).join(':')
  return { kind: 'connect', host, port: bytes.readUInt16BE(length - 2), length }
}

/** The bench only ever talks to its own loopback servers. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '0:0:0:0:0:0:0:1'
}

function reply(code: number): Buffer {
  return Buffer.from([5, code, 0, 1, 0, 0, 0, 0, 0, 0])
}

export interface HandshakeProxy {
  /** For Playwright's `proxy.server`. */
  readonly url: string
  /** Ends every connection made through it, as a network does after a while. */
  dropConnections(): void
  close(): Promise<void>
}

/**
 * Starts the proxy: every connection made through it becomes usable `holdMs` after the browser
 * opened it; the requests it then carries pass untouched.
 */
export async function startHandshakeProxy(holdMs: number): Promise<HandshakeProxy> {
  const sockets = new Set<Socket>()
  const track = (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
  }
  const server: Server = createServer((client) => {
    track(client)
    const openedAt = Date.now()
    let received = Buffer.alloc(0)
    let negotiated = false
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
      if (!negotiated) {
        // Greeting: version 5, then the methods the client offers; only "no authentication".
        const methods = received[1]
        if (received.length < 2 || methods === undefined || received.length < 2 + methods) return
        negotiated = true
        client.write(Buffer.from([5, 0]))
        received = received.subarray(2 + methods)
      }
      const request = parseSocksRequest(received)
      if (request.kind === 'incomplete') return
      client.off('data', onData)
      client.pause()
      if (request.kind === 'invalid' || !isLoopback(request.host)) {
        client.end(reply(request.kind === 'invalid' ? request.reply : NOT_ALLOWED))
        return
      }
      const early = received.subarray(request.length)
      setTimeout(
        () => {
          if (client.destroyed) return
          const upstream = connect(request.port, request.host, () => {
            client.write(reply(SUCCEEDED))
            if (early.length > 0) upstream.write(early)
            client.pipe(upstream).pipe(client)
            client.resume()
          })
          track(upstream)
          upstream.once('close', () => client.destroy())
          client.once('close', () => upstream.destroy())
        },
        Math.max(0, openedAt + holdMs - Date.now()),
      )
    }
    client.on('data', onData)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('proxy has no port')
  const dropConnections = () => {
    for (const socket of sockets) socket.destroy()
  }
  return {
    url: `socks5://127.0.0.1:${String(address.port)}`,
    dropConnections,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve()
        })
        dropConnections()
      }),
  }
}
