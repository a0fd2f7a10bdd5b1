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
import { mountPathOf, mountRequest as mountBelowIssuerPath } from './mount'
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

/**
 * Hands oidc-provider a request below its mount path as if it were mounted there (Express
 * style: `originalUrl` keeps the full URL, from which it builds its own URLs).
 */
function mountRequest(
  req: IncomingMessage,
  pathname: string,
  mountPath: string,
  discoveryPath: string | undefined,
): void {
  const url = req.url ?? '/'
  const query = url.slice(pathname.length)
  if (discoveryPath !== undefined && pathname === `${mountPath}${discoveryPath}`) {
    // oidc-provider derives its mount path from originalUrl: name the mount, not the alias.
    const discovery = `/.well-known/openid-configuration${query}`
    Object.assign(req, { originalUrl: `${mountPath}${discovery}`, url: discovery })
  } else if (mountPath !== '' && pathname.startsWith(`${mountPath}/`)) {
    Object.assign(req, { originalUrl: url, url: url.slice(mountPath.length) })
  }
}

/** Starts the local OpenID provider on 127.0.0.1:stack.idpPort with issuer stack.issuer. */
export async function startIdentityProvider(
  stack: DevStack,
  options: IdentityProviderOptions = {},
): Promise<RunningServer> {
  const devEndpoints = options.devEndpoints ?? process.env.TESSERA_DEV_ENDPOINTS === '1'
  const hostile = options.hostile ?? process.env.TESSERA_HOSTILE === '1'
  const signingKey = await createSigningKey()
  const profile = profileOf(stack)
  const quirks = profile.idp ?? {}
  // Entra's tenant paths; vendors whose issuer has a path are mounted below it further down.
  const mountPath = quirks.mountPath ?? ''
  const generic = identityProviderConfiguration(stack, {
    signingKey,
    cookieKeys: createCookieKeys(),
  })
  const configuration = quirks.configure?.(generic, stack) ?? generic
  const tokenPath = configuration.routes?.token ?? TOKEN_PATH
  const provider = new Provider(`${stack.issuer}${mountPath}`, configuration)
  // Plain loopback http, no reverse proxy: never trust X-Forwarded-* headers.
  provider.proxy = false
  provider.on('server_error', (ctx, error) => {
    console.error(`[idp] server_error on ${ctx.method} ${ctx.path}: ${error.message}`)
  })

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
      authorization: configuration.routes?.authorization ?? '/auth',
      token: tokenPath,
    }),
  )
  provider.use(tokenAnswerMiddleware(stack, profile, tokenPath))
  if (hostile) {
    provider.use(hostileMiddleware({ stack, signingKey }))
    console.log(`[idp] HOSTILE MODE: ${stack.issuer} tampers with answers per test scenario`)
  }
  // Inside the hostile layer, so a scenario tampers with what the vendor would answer.
  for (const middleware of quirks.middleware?.({ stack, signingKey, provider }) ?? []) {
    provider.use(middleware)
  }
  const providerCallback = provider.callback()
  // An issuer with a path (Keycloak's /realms/{realm}) serves the provider below that path.
  const issuerPath = mountPathOf(stack.issuer)

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = pathOf(req)
    try {
      if (devEndpoints) {
        if (log.handle(req, res, pathname)) return
        records.set(req, log.record(req.method ?? 'GET', pathname))
      }
      if (await handleInteraction(provider, stack, req, res, pathname)) return
      if (!mountBelowIssuerPath(req, issuerPath)) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found')
        return
      }
      mountRequest(req, pathname, mountPath, quirks.discoveryPath)
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
