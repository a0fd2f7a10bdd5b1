import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import Provider from 'oidc-provider'
import { close, listen } from '../http-server'
import type { DevStack, RunningServer } from '../config'
import { hostileMiddleware } from '../hostile/tamper'
import { profileOf } from '../profiles'
import { apiSelectionMiddleware } from './api-selection'
import { identityProviderConfiguration, TOKEN_PATH } from './configuration'
import { handleInteraction } from './interactions'
import { createCookieKeys, createSigningKey } from './keys'
import { mountPathOf, mountRequest } from './mount'
import { RequestLog } from './request-log'
import type { IdpRequestRecord } from './request-log'
import { tokenAnswerMiddleware } from './token-answer'
import { tokenRequestMiddleware } from './token-request'

export interface IdentityProviderOptions {
  /** Serve the request log under /__dev/; defaults to env TESSERA_DEV_ENDPOINTS=1. */
  readonly devEndpoints?: boolean
  /**
   * Hostile mode for security tests (dev/hostile/): answers may be tampered with per scenario,
   * set with POST /__hostile/scenario. Defaults to env TESSERA_HOSTILE=1. Never for `npm start`.
   */
  readonly hostile?: boolean
}

function pathOf(req: IncomingMessage): string {
  return (req.url ?? '/').split('?', 1)[0] ?? '/'
}

/** Starts the local OpenID provider on 127.0.0.1:stack.idpPort with issuer stack.issuer. */
export async function startIdentityProvider(
  stack: DevStack,
  options: IdentityProviderOptions = {},
): Promise<RunningServer> {
  const devEndpoints = options.devEndpoints ?? process.env.TESSERA_DEV_ENDPOINTS === '1'
  const hostile = options.hostile ?? process.env.TESSERA_HOSTILE === '1'
  const signingKey = await createSigningKey()
  const configuration = identityProviderConfiguration(stack, {
    signingKey,
    cookieKeys: createCookieKeys(),
  })
  const profile = profileOf(stack)
  const provider = new Provider(
    stack.issuer,
    profile.idpConfiguration?.(configuration, stack) ?? configuration,
  )
  // Plain loopback http, no reverse proxy: never trust X-Forwarded-* headers.
  provider.proxy = false
  provider.on('server_error', (ctx, error) => {
    console.error(`[idp] server_error on ${ctx.method} ${ctx.path}: ${error.message}`)
  })

  const tokenPath = profile.routes?.token ?? TOKEN_PATH
  const log = new RequestLog()
  const records = new WeakMap<IncomingMessage, IdpRequestRecord>()
  provider.use(
    tokenRequestMiddleware(tokenPath, (req, grantType) => {
      const record = records.get(req)
      if (record !== undefined && grantType !== undefined) record.grantType = grantType
    }),
  )
  provider.use(
    apiSelectionMiddleware(stack, profile, {
      authorization: profile.routes?.authorization ?? '/auth',
      token: tokenPath,
    }),
  )
  provider.use(tokenAnswerMiddleware(stack, profile, tokenPath))
  if (hostile) {
    provider.use(hostileMiddleware({ stack, signingKey }))
    console.log(`[idp] HOSTILE MODE: ${stack.issuer} tampers with answers per test scenario`)
  }
  const providerCallback = provider.callback()
  // An issuer with a path (Keycloak's /realms/{realm}) serves the provider below that path.
  const mountPath = mountPathOf(stack.issuer)

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = pathOf(req)
    try {
      if (devEndpoints) {
        if (log.handle(req, res, pathname)) return
        records.set(req, log.record(req.method ?? 'GET', pathname))
      }
      if (await handleInteraction(provider, stack, req, res, pathname)) return
      if (!mountRequest(req, mountPath)) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found')
        return
      }
      await providerCallback(req, res)
    } catch (error) {
      console.error(`[idp] ${req.method ?? 'GET'} ${pathname} failed:`, error)
      if (res.headersSent) res.destroy()
      else res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Internal Server Error')
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res)
  })
  await listen(server, stack.idpPort)
  return { url: stack.issuer, close: () => close(server) }
}
