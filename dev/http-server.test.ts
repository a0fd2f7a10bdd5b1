import { Agent, createServer, get } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

import { afterEach, describe, expect, it } from 'vitest'

import { close, emulateConnectionSetup, listen } from './http-server'

/** GET over `agent`, resolving with the body. */
function getText(url: string, agent: Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => {
        resolve(body)
      })
    }).on('error', reject)
  })
}

describe('emulateConnectionSetup', () => {
  afterEach(() => {
    emulateConnectionSetup(0)
  })

  it('holds a new connection before it is read, not the requests that reuse it', async () => {
    const sockets: Socket[] = []
    const server = createServer((req, res) => {
      sockets.push(req.socket)
      res.end('ok')
    })
    await listen(server, 0)
    const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      emulateConnectionSetup(150)
      const started = performance.now()
      expect(await getText(url, agent)).toBe('ok')
      expect(performance.now() - started).toBeGreaterThanOrEqual(145)
      expect(await getText(url, agent)).toBe('ok')
      expect(sockets).toHaveLength(2)
      expect(sockets[1]).toBe(sockets[0])
    } finally {
      agent.destroy()
      await close(server)
    }
  })
})
