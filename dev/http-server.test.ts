import { Agent, createServer, get } from 'node:http'
import type { AddressInfo } from 'node:net'

import { describe, expect, it } from 'vitest'

import { close, listen } from './http-server'

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

describe('listen and close', () => {
  it('rejects when the port is taken, instead of an unhandled error', async () => {
    const first = createServer()
    await listen(first, 0)
    try {
      const port = (first.address() as AddressInfo).port
      await expect(listen(createServer(), port)).rejects.toMatchObject({ code: 'EADDRINUSE' })
    } finally {
      await close(first)
    }
  })

  it('closes while a connection still waits for an answer', async () => {
    let received: () => void = () => undefined
    const requestIn = new Promise<void>((resolve) => (received = resolve))
    const server = createServer(() => {
      received() // and never answer, as a stalled request of a closing browser
    })
    await listen(server, 0)
    const agent = new Agent({ keepAlive: true })
    try {
      const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`
      const pending = getText(url, agent).catch(() => 'dropped')
      await requestIn
      const started = performance.now()
      await close(server)
      // server.close alone would wait for the answer, for ever.
      expect(performance.now() - started).toBeLessThan(1_000)
      expect(await pending).toBe('dropped')
    } finally {
      agent.destroy()
    }
  })
})
