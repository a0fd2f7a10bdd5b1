/** Small node:http helpers: JSON, RFC 9457 problem details, bounded JSON bodies. */

import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'

export interface Problem {
  /** A URN naming the problem; clients may switch on it. */
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail: string
}

/** Thrown by handlers; the server turns it into a problem+json response. */
export class HttpError extends Error {
  readonly problem: Problem
  readonly headers: OutgoingHttpHeaders

  constructor(problem: Problem, headers: OutgoingHttpHeaders = {}) {
    super(problem.detail)
    this.name = 'HttpError'
    this.problem = problem
    this.headers = headers
  }
}

export function problem(status: number, slug: string, title: string, detail: string): Problem {
  return { type: `urn:tessera:problem:${slug}`, title, status, detail }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  })
  res.end(JSON.stringify(body))
}

export function sendProblem(
  res: ServerResponse,
  details: Problem,
  headers: OutgoingHttpHeaders = {},
): void {
  res.writeHead(details.status, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  })
  res.end(JSON.stringify(details))
}

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i

/** Reads a JSON request body of at most `limit` bytes. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  if (!JSON_MEDIA_TYPE.test(req.headers['content-type'] ?? '')) {
    throw new HttpError(
      problem(
        415,
        'unsupported-media-type',
        'Unsupported media type',
        'Send the body as application/json.',
      ),
    )
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req.iterator({ destroyOnReturn: false })) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += buffer.length
    if (size > limit) {
      throw new HttpError(
        problem(
          413,
          'payload-too-large',
          'Payload too large',
          `The body must be at most ${String(limit)} bytes.`,
        ),
        { Connection: 'close' },
      )
    }
    chunks.push(buffer)
  }
  try {
    return JSON.parse(Buffer.concat(chunks, size).toString('utf8'))
  } catch {
    throw new HttpError(
      problem(400, 'invalid-json', 'Invalid JSON', 'The request body is not valid JSON.'),
    )
  }
}
