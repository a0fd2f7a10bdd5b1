// @vitest-environment node
import { IncomingMessage } from 'node:http'
import { Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import { mountPathOf, mountRequest } from './mount'

function request(url: string): IncomingMessage & { baseUrl?: string } {
  const req = new IncomingMessage(new Socket())
  req.url = url
  return req
}

describe('mountPathOf', () => {
  it.each([
    ['http://127.0.0.1:9400', ''],
    ['http://127.0.0.1:9400/', ''],
    ['http://127.0.0.1:9400/realms/tessera', '/realms/tessera'],
    ['http://127.0.0.1:9400/oauth2/default/', '/oauth2/default'],
  ])('%s is served below "%s"', (issuer, path) => {
    expect(mountPathOf(issuer)).toBe(path)
  })
})

describe('mountRequest', () => {
  it('hands the provider the rest of the URL and keeps the prefix in baseUrl', () => {
    const req = request('/realms/tessera/protocol/openid-connect/auth?client_id=x')

    expect(mountRequest(req, '/realms/tessera')).toBe(true)
    expect(req.url).toBe('/protocol/openid-connect/auth?client_id=x')
    expect(req.baseUrl).toBe('/realms/tessera')
  })

  it.each(['/realms/tesseract/x', '/realms/other/x', '/token'])(
    'refuses %s, outside the mount',
    (url) => {
      const req = request(url)

      expect(mountRequest(req, '/realms/tessera')).toBe(false)
      expect(req.url).toBe(url)
    },
  )

  it('leaves every URL alone without a mount path', () => {
    const req = request('/token')

    expect(mountRequest(req, '')).toBe(true)
    expect(req.url).toBe('/token')
  })
})
