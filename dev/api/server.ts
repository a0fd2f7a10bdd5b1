import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { close, listen } from '../http-server'
import type { DevStack, RunningServer } from '../config'
import { HostileApi } from '../hostile/api'
import { profileOf } from '../profiles'
import { CriticalEvents } from './cae'
import { corsHeaders, preflightHeaders } from './cors'
import { HttpError, problem, readJson, sendJson, sendProblem } from './http'
import { RequestLog } from './request-log'
import { notesRoutes } from './notes-routes'
import { demoRoutes, type Route, Router } from './routes'
import { createTokenVerifier } from './verify-token'

/** `POST {"sub"}`: a critical event for that user (CAE profiles, dev endpoints on). */
export const CAE_EVENT_PATH = '/__dev/cae/events'

export interface DemoApiOptions {
  /** Serve the request log under /__dev/; defaults to env TESSERA_DEV_ENDPOINTS=1. */
  readonly devEndpoints?: boolean
  /**
   * Hostile mode for security tests (dev/hostile/api.ts): a test's browser may be answered with
   * the challenge its scenario sets. Defaults to env TESSERA_HOSTILE=1. Never for `npm start`.
   */
  readonly hostile?: boolean
}

/** Starts the demo protected API on 127.0.0.1:stack.apiPort (its URL is stack.apiUrl). */
export function startDemoApi(
  stack: DevStack,
  options: DemoApiOptions = {},
): Promise<RunningServer> {
  const routes = demoRoutes(stack, undefined, profileOf(stack).api?.requireSecondFactor)
  return startResourceServer(stack, stack.apiPort, stack.apiUrl, routes, options)
}

/** Starts the notes API, a second resource server with its own audience (stack.notesApiUrl). */
export function startNotesApi(
  stack: DevStack,
  options: DemoApiOptions = {},
): Promise<RunningServer> {
  return startResourceServer(stack, stack.notesApiPort, stack.notesApiUrl, notesRoutes(), options)
}

/** A protected API at `baseUrl`: access tokens must name it as their audience (RFC 9068). */
async function startResourceServer(
  stack: DevStack,
  port: number,
  baseUrl: string,
  routes: readonly Route[],
  options: DemoApiOptions,
): Promise<RunningServer> {
  const devEndpoints = options.devEndpoints ?? process.env.TESSERA_DEV_ENDPOINTS === '1'
  const profile = profileOf(stack)
  // The audience the provider puts in this API's tokens: its URL (RFC 8707) unless the
  // profile's vendor names APIs otherwise (Okta's api://default, Keycloak's client ids).
  const audience = profile.apiAudience?.(stack, baseUrl) ?? baseUrl
  const quirks = profile.api
  const events = quirks?.continuousAccessEvaluation === true ? new CriticalEvents() : undefined
  const router = new Router(
    routes,
    createTokenVerifier(stack, audience, quirks?.tokenIssuer?.(stack)),
    events &&
      ((token) => {
        events.check(token)
      }),
  )
  const log = new RequestLog()
  const hostile =
    (options.hostile ?? process.env.TESSERA_HOSTILE === '1') ? new HostileApi() : undefined

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl)
    const method = req.method ?? 'GET'
    if (devEndpoints && log.handle(req, res, url.pathname)) return
    const record = devEndpoints ? log.record(method, url.pathname) : undefined

    try {
      if (method === 'OPTIONS') {
        res.writeHead(204, preflightHeaders(req, stack.appOrigin)).end()
        return
      }
      if (devEndpoints && events && url.pathname === CAE_EVENT_PATH && method === 'POST') {
        const body = await readJson(req, 1024)
        const sub = typeof body === 'object' && body !== null && 'sub' in body ? body.sub : null
        if (typeof sub !== 'string') {
          throw new HttpError(problem(400, 'invalid-event', 'Invalid event', 'Send {"sub"}.'))
        }
        sendJson(res, 200, { sub, since: await events.record(sub) })
        return
      }
      if (hostile && (await hostile.control(req, res, url))) return
      for (const [name, value] of Object.entries(corsHeaders(req, stack.appOrigin))) {
        if (value !== undefined) res.setHeader(name, value)
      }
      const refusal = hostile?.challengeFor(req)
      if (refusal !== undefined) {
        throw new HttpError(problem(401, 'hostile', 'Refused', 'The hostile API refuses.'), {
          'WWW-Authenticate': refusal,
        })
      }
      await router.dispatch({ req, res, url }, () => {
        if (record !== undefined) record.authorized = true
      })
    } catch (error) {
      if (res.headersSent) {
        res.destroy()
      } else if (error instanceof HttpError) {
        sendProblem(res, error.problem, error.headers)
      } else {
        console.error(`[api] ${method} ${url.pathname} failed:`, error)
        sendProblem(res, problem(500, 'internal', 'Internal server error', 'Something broke.'))
      }
    } finally {
      if (record !== undefined) record.status = res.statusCode
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res)
  })
  await listen(server, port)
  return { url: baseUrl, close: () => close(server) }
}
