import { RequestLog as DevRequestLog } from '../request-log'

export interface ApiRequestRecord {
  readonly method: string
  readonly path: string
  /** The bearer token was valid and had the route's scope. */
  authorized: boolean
  status: number
}

/** The API's request log: each entry says whether the token was accepted, and the status. */
export class RequestLog extends DevRequestLog<ApiRequestRecord> {
  constructor() {
    super((method, path) => ({ method, path, authorized: false, status: 0 }))
  }
}
