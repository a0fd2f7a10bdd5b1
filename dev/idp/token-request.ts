import type { IncomingMessage } from 'node:http'
import type { Middleware } from 'koa'
import { BodyTooLargeError, field, readForm } from './body'

/** oidc-provider's own limit for urlencoded bodies (lib/shared/selective_body.js). */
const BODY_LIMIT = 56 * 1024

/**
 * Koa middleware (mounted with `provider.use`, so it runs before the provider's router parses the
 * body) for `POST <tokenPath>`:
 *
 * - On refresh_token grants it drops `offline_access` from `scope`. oidc-provider leaves
 *   `offline_access` out of a grant when the authorization request had no `prompt=consent`, so a
 *   client repeating it on refresh would get `invalid_scope` although it holds a valid refresh
 *   token (RFC 6749 §6 lets the client ask for any subset of the granted scope).
 * - It tells `onTokenRequest` the grant type, for the dev request log.
 *
 * The edited form is handed on as `req.body`; oidc-provider's body parser uses that when the
 * stream has already been read (and logs a one-time warning saying so).
 */
export function tokenRequestMiddleware(
  tokenPath: string,
  onTokenRequest: (req: IncomingMessage, grantType: string | undefined) => void,
): Middleware {
  return async (ctx, next) => {
    if (ctx.method !== 'POST' || ctx.path !== tokenPath || !ctx.is('urlencoded')) {
      await next()
      return
    }
    let form
    try {
      form = await readForm(ctx.req, BODY_LIMIT)
    } catch (error) {
      ctx.status = error instanceof BodyTooLargeError ? 413 : 400
      ctx.body = { error: 'invalid_request', error_description: 'failed to read the request body' }
      return
    }
    const grantType = field(form, 'grant_type')
    onTokenRequest(ctx.req, grantType)
    const scope = field(form, 'scope')
    if (grantType === 'refresh_token' && scope !== undefined) {
      const kept = scope.split(' ').filter((value) => value !== 'offline_access')
      if (kept.length === 0) delete form.scope
      else form.scope = kept.join(' ')
    }
    Object.assign(ctx.req, { body: form })
    await next()
  }
}
