import { RequestLog as DevRequestLog } from '../request-log'

export interface IdpRequestRecord {
  readonly method: string
  readonly path: string
  grantType?: string
}

/** The provider's request log: token requests also record their grant type. */
export class RequestLog extends DevRequestLog<IdpRequestRecord> {
  constructor() {
    super((method, path) => ({ method, path }))
  }
}
