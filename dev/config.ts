/**
 * The one place that describes the local development stack: ports, issuer, the registered
 * public client, demo users and token lifetimes. Loopback only. Every value can be overridden
 * by an environment variable so the e2e suite and the bench can run their own stack beside a
 * developer's `npm start`.
 */

export const HOST = '127.0.0.1'

/** Authentication context classes of the dev provider (OIDC Core §2 `acr`, RFC 9470). */
export const ACR_PASSWORD = 'urn:tessera:acr:password'
/** Password plus a one-time code: what the demo API asks for before deleting a task. */
export const ACR_SECOND_FACTOR = 'urn:tessera:acr:otp'

export interface DemoUser {
  readonly username: string
  readonly password: string
  readonly sub: string
  readonly name: string
  readonly email: string
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'alice',
    password: 'alice-password',
    sub: 'user-alice',
    name: 'Alice Liddell',
    email: 'alice@example.test',
  },
  {
    username: 'bob',
    password: 'bob-password',
    sub: 'user-bob',
    name: 'Bob Builder',
    email: 'bob@example.test',
  },
]

export interface TokenLifetimes {
  /** Access token lifetime in seconds. */
  readonly accessToken: number
  /** ID token lifetime in seconds. */
  readonly idToken: number
  /** Refresh token lifetime in seconds. */
  readonly refreshToken: number
  /** Provider session (SSO cookie) lifetime in seconds. */
  readonly session: number
}

export interface DevStack {
  readonly idpPort: number
  readonly apiPort: number
  readonly appPort: number
  /** Issuer of the local identity provider; discovery is at `${issuer}/.well-known/openid-configuration`. */
  readonly issuer: string
  /** Base URL of the demo API, also its RFC 8707 resource indicator and token audience. */
  readonly apiUrl: string
  /** Origin the app is served from. */
  readonly appOrigin: string
  readonly clientId: string
  readonly redirectUris: readonly string[]
  readonly postLogoutRedirectUris: readonly string[]
  /** Scopes of the demo API: `api:read` for reads, `api:write` for writes. */
  readonly apiScopes: readonly string[]
  readonly notesApiPort: number
  /** Base URL of the notes API: a second resource with its own audience and scopes. */
  readonly notesApiUrl: string
  readonly notesApiScopes: readonly string[]
  readonly lifetimes: TokenLifetimes
  readonly users: readonly DemoUser[]
  /** Serve the app's config with `"diagnostics": true` (tests and the bench). */
  readonly diagnostics: boolean
}

type Env = Readonly<Record<string, string | undefined>>

function intFrom(env: Env, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive whole number, got "${raw}"`)
  }
  return value
}

/** Reads the stack description from the environment (defaults: the `npm start` stack). */
export function devStack(env: Env = process.env): DevStack {
  const idpPort = intFrom(env, 'TESSERA_IDP_PORT', 9400)
  const apiPort = intFrom(env, 'TESSERA_API_PORT', 9401)
  const appPort = intFrom(env, 'TESSERA_APP_PORT', 5173)
  const notesApiPort = intFrom(env, 'TESSERA_NOTES_API_PORT', apiPort + 1)
  const appOrigin = `http://${HOST}:${String(appPort)}`
  return {
    idpPort,
    apiPort,
    appPort,
    issuer: `http://${HOST}:${String(idpPort)}`,
    apiUrl: `http://${HOST}:${String(apiPort)}`,
    appOrigin,
    clientId: 'tessera-spa',
    redirectUris: [`${appOrigin}/auth/callback`],
    postLogoutRedirectUris: [`${appOrigin}/`],
    apiScopes: ['api:read', 'api:write'],
    notesApiPort,
    notesApiUrl: `http://${HOST}:${String(notesApiPort)}`,
    notesApiScopes: ['notes:read', 'notes:write'],
    lifetimes: {
      accessToken: intFrom(env, 'TESSERA_ACCESS_TOKEN_TTL', 600),
      idToken: intFrom(env, 'TESSERA_ID_TOKEN_TTL', 3600),
      refreshToken: intFrom(env, 'TESSERA_REFRESH_TOKEN_TTL', 8 * 3600),
      session: intFrom(env, 'TESSERA_SESSION_TTL', 8 * 3600),
    },
    users: DEMO_USERS,
    diagnostics: env.TESSERA_DIAGNOSTICS === '1',
  }
}

/** The runtime `config.json` the app needs to talk to this stack. */
export function appConfigFor(stack: DevStack): Record<string, unknown> {
  return {
    authority: stack.issuer,
    clientId: stack.clientId,
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    redirectPath: '/auth/callback',
    postLogoutRedirectPath: '/',
    apis: {
      demo: { baseUrl: stack.apiUrl, scopes: [...stack.apiScopes], resource: stack.apiUrl },
      notes: {
        baseUrl: stack.notesApiUrl,
        scopes: [...stack.notesApiScopes],
        resource: stack.notesApiUrl,
      },
    },
    ...(stack.diagnostics ? { diagnostics: true } : {}),
  }
}

/** Servers in `dev/` all return this so the orchestrator can stop them cleanly. */
export interface RunningServer {
  readonly url: string
  close(): Promise<void>
}
