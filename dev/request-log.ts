import type { IncomingMessage, ServerResponse } from 'node:http'

export const REQUEST_LOG_PATH = '/__dev/requests'

/**
 * Every request a dev server served, in arrival order, so tests and the bench can count round
 * trips server-side. Only exposed when dev endpoints are on.
 */
export class RequestLog<T extends { readonly method: string; readonly path: string }> {
  readonly #records: T[] = []
  readonly #create: (method: string, path: string) => T

  constructor(create: (method: string, path: string) => T) {
    this.#create = create
  }

  record(method: string, path: string): T {
    const entry = this.#create(method, path)
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
