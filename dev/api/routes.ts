import type { IncomingMessage, ServerResponse } from 'node:http'
import type { DevStack } from '../config'
import { authorize, type DpopContext, requireSecondFactor } from './bearer'
import { DpopNonces, SeenProofs } from './dpop'
import { HttpError, problem, readJson, sendJson } from './http'
import { TaskStore, validateTitle } from './tasks-store'
import type { VerifiedToken, VerifyToken } from './verify-token'

export const BODY_LIMIT = 16 * 1024
const TASK_PATH = /^\/tasks\/([\w-]+)$/

export interface RequestContext {
  readonly req: IncomingMessage
  readonly res: ServerResponse
  readonly url: URL
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE'
  /** An exact path, or a pattern for paths with an id (`/tasks/<id>`). */
  readonly path: string | RegExp
  readonly scope: string
  readonly handle: (context: RequestContext, token: VerifiedToken) => Promise<void> | void
}

function stringClaim(token: VerifiedToken, name: string): string | null {
  const value = token.payload[name]
  return typeof value === 'string' ? value : null
}

/** The demo API: who am I, and a per-user task list. */
/**
 * @param requireStrongAuth how deleting asks for a second factor: RFC 9470 by default, a claims
 *   challenge for an authentication context with Entra (a provider profile's choice)
 */
export function demoRoutes(
  stack: DevStack,
  tasks = new TaskStore(),
  requireStrongAuth: (token: VerifiedToken, detail: string) => void = requireSecondFactor,
): readonly Route[] {
  return [
    {
      method: 'GET',
      path: '/me',
      scope: 'api:read',
      handle: ({ res }, token) => {
        const user = stack.users.find((candidate) => candidate.sub === token.sub)
        sendJson(res, 200, {
          sub: token.sub,
          name: user?.name ?? stringClaim(token, 'name'),
          email: user?.email ?? stringClaim(token, 'email'),
        })
      },
    },
    {
      method: 'GET',
      path: '/tasks',
      scope: 'api:read',
      handle: ({ res }, token) => {
        sendJson(res, 200, { tasks: tasks.list(token.sub) })
      },
    },
    {
      method: 'POST',
      path: '/tasks',
      scope: 'api:write',
      handle: async ({ req, res }, token) => {
        const result = validateTitle(await readJson(req, BODY_LIMIT))
        if ('error' in result) {
          throw new HttpError(problem(400, 'invalid-task', 'Invalid task', result.error))
        }
        sendJson(res, 201, tasks.add(token.sub, result.title))
      },
    },
    {
      method: 'DELETE',
      path: TASK_PATH,
      scope: 'api:write',
      handle: ({ res, url }, token) => {
        requireStrongAuth(token, 'Deleting a task needs a second factor.')
        const id = TASK_PATH.exec(url.pathname)?.[1] ?? ''
        if (!tasks.remove(token.sub, id)) {
          throw new HttpError(problem(404, 'not-found', 'No such task', `There is no task ${id}.`))
        }
        res.writeHead(204).end()
      },
    },
  ]
}

/** Routes requests to the API's endpoints; each needs a bearer token with its scope. */
export class Router {
  readonly #routes: readonly Route[]
  readonly #verify: VerifyToken
  readonly #dpop: DpopContext = { nonces: new DpopNonces(), seen: new SeenProofs() }
  readonly #checkToken: ((token: VerifiedToken) => void) | undefined

  /** @param checkToken a further check of every valid token (e.g. CAE); throws to refuse it */
  constructor(
    routes: readonly Route[],
    verify: VerifyToken,
    checkToken?: (token: VerifiedToken) => void,
  ) {
    this.#routes = routes
    this.#verify = verify
    this.#checkToken = checkToken
  }

  /** Serves the request; calls `onAuthorized` once the token and its scope checked out. */
  async dispatch(context: RequestContext, onAuthorized: () => void): Promise<void> {
    const { req, url } = context
    const candidates = this.#routes.filter((route) =>
      typeof route.path === 'string' ? route.path === url.pathname : route.path.test(url.pathname),
    )
    const route = candidates.find((candidate) => candidate.method === req.method)
    if (route === undefined) {
      if (candidates.length === 0) {
        throw new HttpError(problem(404, 'not-found', 'Not found', `There is no ${url.pathname}.`))
      }
      const allow = ['OPTIONS', ...candidates.map((candidate) => candidate.method)].join(', ')
      throw new HttpError(
        problem(
          405,
          'method-not-allowed',
          'Method not allowed',
          `${url.pathname} allows ${allow}.`,
        ),
        { Allow: allow },
      )
    }
    const token = await authorize(req, url, this.#verify, route.scope, this.#dpop)
    this.#checkToken?.(token)
    onAuthorized()
    await route.handle(context, token)
  }
}
