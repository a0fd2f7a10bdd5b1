/**
 * Records every POST the browser sends to the provider's token endpoint: which tab sent it, which
 * refresh token it redeemed (as a generation number, never the token), and what came back.
 */
import type { BrowserContext, Page, Request, Response } from '@playwright/test'

import type { DevStack } from '../config'

export interface TokenRequest {
  readonly grantType: string
  /** Index of the sending tab in the `tabs` passed to the recorder; -1 when unknown. */
  readonly tab: number
  /** 0 for the first distinct refresh token sent, 1 for the next, …; absent for other grants. */
  readonly generation: number | undefined
  /** The `resource` parameter (RFC 8707), i.e. which API the access token is for. */
  readonly resource: string | undefined
  /** ms since the recorder started, when the request left the browser. */
  readonly sentMs: number
  /** ms since the recorder started, when the answer was complete (or the request failed). */
  doneMs: number | undefined
  /** HTTP status; 0 when the request failed without an answer. */
  status: number | undefined
  /** The OAuth `error` of a non-200 answer, or the network failure. */
  error: string | undefined
}

export interface GrantSummary {
  readonly refreshGrants: number
  /** Distinct refresh tokens redeemed: each is one generation of the rotating token. */
  readonly rotations: number
  /** refreshGrants / rotations: 1 when no refresh token was redeemed twice. */
  readonly grantsPerRotation: number
  readonly nonOkRefreshGrants: number
}

export class TokenTraffic {
  readonly requests: TokenRequest[] = []
  private readonly byRequest = new Map<Request, TokenRequest>()
  private readonly generations = new Map<string, number>()
  private readonly origin = performance.now()

  constructor(context: BrowserContext, stack: DevStack, tabs: readonly Page[]) {
    const tokenUrl = `${stack.issuer}/token`
    context.on('request', (request) => {
      if (request.method() !== 'POST' || request.url().split('?', 1)[0] !== tokenUrl) return
      const body = new URLSearchParams(request.postData() ?? '')
      const refreshToken = body.get('refresh_token')
      const record: TokenRequest = {
        grantType: body.get('grant_type') ?? '',
        tab: tabOf(request, tabs),
        generation: refreshToken === null ? undefined : this.generation(refreshToken),
        resource: body.get('resource') ?? undefined,
        sentMs: this.elapsed(),
        doneMs: undefined,
        status: undefined,
        error: undefined,
      }
      this.byRequest.set(request, record)
      this.requests.push(record)
    })
    context.on('response', (response) => {
      void this.answered(response)
    })
    context.on('requestfailed', (request) => {
      const record = this.byRequest.get(request)
      if (!record) return
      record.status = 0
      record.error = request.failure()?.errorText ?? 'failed'
      record.doneMs = this.elapsed()
    })
  }

  /** ms since the recorder started. */
  elapsed(): number {
    return performance.now() - this.origin
  }

  refreshGrants(): TokenRequest[] {
    return this.requests.filter((r) => r.grantType === 'refresh_token')
  }

  summary(): GrantSummary {
    const grants = this.refreshGrants()
    const rotations = new Set(grants.map((g) => g.generation)).size
    return {
      refreshGrants: grants.length,
      rotations,
      grantsPerRotation: rotations === 0 ? 0 : grants.length / rotations,
      nonOkRefreshGrants: grants.filter((g) => g.status !== 200).length,
    }
  }

  private generation(refreshToken: string): number {
    const known = this.generations.get(refreshToken)
    if (known !== undefined) return known
    const next = this.generations.size
    this.generations.set(refreshToken, next)
    return next
  }

  private async answered(response: Response): Promise<void> {
    const record = this.byRequest.get(response.request())
    if (!record) return
    record.status = response.status()
    if (record.status !== 200) {
      const body: unknown = await response.json().catch(() => undefined)
      const error =
        typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined
      record.error = typeof error === 'string' ? error : `HTTP ${String(record.status)}`
    }
    await response.finished()
    record.doneMs = this.elapsed()
  }
}

/** The index of the tab that sent `request` (fetches from pages only; -1 otherwise). */
export function tabOf(request: Request, tabs: readonly Page[]): number {
  try {
    return tabs.indexOf(request.frame().page())
  } catch {
    return -1
  }
}
