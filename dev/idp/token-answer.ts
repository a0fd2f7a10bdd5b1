import type { IncomingMessage } from 'node:http'
import type { ParsedUrlQuery } from 'node:querystring'
import type { Middleware } from 'koa'
import type { DevStack } from '../config'
import type { ProviderProfile } from '../profiles'

/**
 * Koa middleware (`provider.use`) that lets a profile dress the token endpoint's JSON answer,
 * success or error, the way its vendor does (extra fields, status codes, error wording), after
 * oidc-provider has produced it.
 */
export function tokenAnswerMiddleware(
  stack: DevStack,
  profile: ProviderProfile,
  tokenPath: string,
): Middleware {
  const edit = profile.tokenAnswer
  return async (ctx, next) => {
    await next()
    if (edit === undefined || ctx.method !== 'POST' || ctx.path !== tokenPath) return
    const body: unknown = ctx.body
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return
    const form = (ctx.req as IncomingMessage & { body?: ParsedUrlQuery }).body
    const grantType = typeof form?.grant_type === 'string' ? form.grant_type : undefined
    const answer = { status: ctx.status, body: { ...(body as Record<string, unknown>) }, grantType }
    edit(answer, stack)
    ctx.body = answer.body
    ctx.status = answer.status
  }
}
