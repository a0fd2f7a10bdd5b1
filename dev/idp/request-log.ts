import type { IncomingMessage, ServerResponse } from 'node:http'

export interface IdpRequestRecord {
  readonly method: string
  readonly path: string
  grantType?: string
}

export const REQUEST_LOG_PATH = '/__dev/requests'

/**
 * Every request the IdP served, in arrival order, so the bench can count provider round trips
 * server-side. Only exposed when dev endpoints are on.
 */
export class RequestLog {
  readonly #records: IdpRequestRecord[] = []

  record(method: string, path: string): IdpRequestRecord {
    const entry: IdpRequestRecord = { method, path }
    this.#records.push(entry)
    return entry
  }

  /** `GET /__dev/requests` lists, `POST /__dev/requests/reset` empties; false for other paths. */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    if (pathname === REQUEST_LOG_PATH && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
      res.end(JSON.stringify(this.#records))
      return true
    }
    if (pathname === `${REQUEST_LOG_PATH}/reset` && req.method === 'POST') {
      this.#records.length = 0
      res.writeHead(204).end()
      return true
    }
    return false
  }
}
