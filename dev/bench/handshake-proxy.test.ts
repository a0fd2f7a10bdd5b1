import { createServer } from 'node:http'
import { type AddressInfo, connect, type Socket } from 'node:net'

import { afterEach, describe, expect, it } from 'vitest'

import { close, listen } from '../http-server'
import { type HandshakeProxy, parseSocksRequest, startHandshakeProxy } from './handshake-proxy'

/** Reads from `socket` until `done` says the bytes so far are complete. */
function readUntil(socket: Socket, done: (bytes: Buffer) => boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let bytes = Buffer.alloc(0)
    const onData = (chunk: Buffer) => {
      bytes = Buffer.concat([bytes, chunk])
      if (!done(bytes)) return
      socket.off('data', onData)
      resolve(bytes)
    }
    socket.on('data', onData)
    socket.once('error', reject)
    socket.once('end', () => {
      resolve(bytes)
    })
  })
}

/** Opens a connection to 127.0.0.1:`port` through the proxy, as Chromium does (greeting, then CONNECT). */
async function connectThrough(proxy: HandshakeProxy, host: number[], port: number) {
  const proxyPort = Number(new URL(proxy.url).port)
  const socket = connect(proxyPort, '127.0.0.1')
  await new Promise((resolve) => socket.once('connect', resolve))
  socket.write(Buffer.from([5, 1, 0]))
  await readUntil(socket, (bytes) => bytes.length >= 2)
  const request = Buffer.from([5, 1, 0, 1, ...host, port >> 8, port & 0xff])
  socket.write(request)
  const answer = await readUntil(socket, (bytes) => bytes.length >= 10)
  return { socket, replyCode: answer[1] }
}

function get(socket: Socket): Promise<string> {
  socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
  return readUntil(socket, (bytes) => bytes.toString().endsWith('\r\n\r\nok')).then(String)
}

describe('startHandshakeProxy', () => {
  const cleanup: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step()
  })

  it('holds a new connection before it can be used, not the requests that reuse it', async () => {
    const accepted: Socket[] = []
    const server = createServer((req, res) => {
      accepted.push(req.socket)
      res.end('ok')
    })
    await listen(server, 0)
    cleanup.push(() => close(server))
    const proxy = await startHandshakeProxy(150)
    cleanup.push(() => proxy.close())

    const started = performance.now()
    const { socket, replyCode } = await connectThrough(
      proxy,
      [127, 0, 0, 1],
      (server.address() as AddressInfo).port,
    )
    expect(replyCode).toBe(0)
    expect(performance.now() - started).toBeGreaterThanOrEqual(145)
    const reused = performance.now()
    expect(await get(socket)).toMatch(/^HTTP\/1\.1 200/)
    expect(await get(socket)).toMatch(/^HTTP\/1\.1 200/)
    expect(performance.now() - reused).toBeLessThan(145)
    expect(accepted).toHaveLength(2)
    expect(accepted[1]).toBe(accepted[0])
    socket.destroy()
  })

  it('drops every connection on request, so the next use opens (and waits for) a new one', async () => {
    const server = createServer((_req, res) => res.end('ok'))
    await listen(server, 0)
    cleanup.push(() => close(server))
    const proxy = await startHandshakeProxy(0)
    cleanup.push(() => proxy.close())
    const { socket } = await connectThrough(
      proxy,
      [127, 0, 0, 1],
      (server.address() as AddressInfo).port,
    )
    const closed = new Promise((resolve) => socket.once('close', resolve))
    proxy.dropConnections()
    await expect(closed).resolves.toBe(false)
  })

  it('refuses destinations off loopback', async () => {
    const proxy = await startHandshakeProxy(0)
    cleanup.push(() => proxy.close())
    const { socket, replyCode } = await connectThrough(proxy, [192, 0, 2, 1], 80)
    expect(replyCode).toBe(2)
    socket.destroy()
  })
})

describe('parseSocksRequest', () => {
  it('reads an IPv4, a domain name and an IPv6 destination', () => {
    expect(parseSocksRequest(Buffer.from([5, 1, 0, 1, 127, 0, 0, 1, 0x26, 0x48]))).toEqual({
      kind: 'connect',
      host: '127.0.0.1',
      port: 9800,
      length: 10,
    })
    const name = Buffer.from('localhost', 'latin1')
    expect(parseSocksRequest(Buffer.from([5, 1, 0, 3, name.length, ...name, 0, 80]))).toMatchObject(
      { kind: 'connect', host: 'localhost', port: 80 },
    )
    const loopback6 = [...Array<number>(15).fill(0), 1]
    expect(parseSocksRequest(Buffer.from([5, 1, 0, 4, ...loopback6, 0, 80]))).toMatchObject({
      host: '0:0:0:0:0:0:0:1',
    })
  })

  it('waits for the rest of a request split across reads', () => {
    expect(parseSocksRequest(Buffer.from([5, 1, 0, 1, 127, 0]))).toEqual({ kind: 'incomplete' })
  })

  it('answers other commands and address types with their RFC 1928 reply codes', () => {
    expect(parseSocksRequest(Buffer.from([5, 2, 0, 1, 127, 0, 0, 1, 0, 80]))).toEqual({
      kind: 'invalid',
      reply: 7,
    })
    expect(parseSocksRequest(Buffer.from([5, 1, 0, 9, 0, 0]))).toEqual({
      kind: 'invalid',
      reply: 8,
    })
  })
})
