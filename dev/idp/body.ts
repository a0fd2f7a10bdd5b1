import type { IncomingMessage } from 'node:http'
import { parse } from 'node:querystring'
import type { ParsedUrlQuery } from 'node:querystring'

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError'
}

/** Reads a whole request body, refusing anything over `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req.iterator({ destroyOnReturn: false })) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += buffer.length
    if (size > limit) throw new BodyTooLargeError(`request body over ${String(limit)} bytes`)
    chunks.push(buffer)
  }
  return Buffer.concat(chunks, size)
}

/** Parses `application/x-www-form-urlencoded`; repeated names become arrays. */
export async function readForm(req: IncomingMessage, limit: number): Promise<ParsedUrlQuery> {
  return parse((await readBody(req, limit)).toString('utf8'))
}

/** The single string value of a form field, or undefined when absent or repeated. */
export function field(form: ParsedUrlQuery, name: string): string | undefined {
  const value = form[name]
  return typeof value === 'string' ? value : undefined
}
