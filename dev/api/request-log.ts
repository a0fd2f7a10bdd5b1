import type { IncomingMessage, ServerResponse } from 'node:http'

export interface ApiRequestRecord {
  readonly method: string
  readonly path: string
  /** The bearer token was valid and had the route's scope. */
  authorized: boolean
  status: number
}

export const REQUEST_LOG_PATH = '/__dev/requests'

/**
 * Every request the API served, in arrival order, so the bench can count API calls
 * server-side. Only exposed when dev endpoints are on.
 */
export class RequestLog {
  readonly #records: ApiRequestRecord[] = []

  record(method: string, path: string): ApiRequestRecord {
    const entry: ApiRequestRecord = { method, path, authorized: false, status: 0 }
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
