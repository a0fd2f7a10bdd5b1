/**
 * The one place that describes the local development stack: ports, issuer, the registered
 * public client, demo users and token lifetimes. Loopback only. Every value can be overridden
 * by an environment variable so the e2e suite and the bench can run their own stack beside a
 * developer's `npm start`.
 */

import { normalizeBasePath } from './hosting/base-path'

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
  /** URL path the app is served under (`/` by default, e.g. `/portal/`). Env TESSERA_BASE_PATH. */
  readonly basePath: string
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
  /**
   * Which provider the local identity provider plays (dev/profiles/): `generic` by default,
   * or a profile that reproduces one vendor's quirks. Env TESSERA_PROFILE.
   */
  readonly profile: string
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

/**
 * Shifts every port of every stack (npm start, tests, bench) by TESSERA_PORT_OFFSET, read from
 * the process environment even when a test passes its own ports, so two checkouts can run their
 * suites side by side.
 */
function portOffset(): number {
  const raw = process.env.TESSERA_PORT_OFFSET
  if (raw === undefined || raw === '') return 0
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0 || value > 50_000) {
    throw new Error(`TESSERA_PORT_OFFSET must be a whole number from 0 to 50000, got "${raw}"`)
  }
  return value
}

/**
 * The port settings of a stack beside others: the provider on `first`, the demo and notes APIs
 * on the next two, the app 10 above (so a stack holds ten ports and the next can start there).
 */
export function portsFrom(first: number): Readonly<Record<string, string>> {
  return {
    TESSERA_IDP_PORT: String(first),
    TESSERA_API_PORT: String(first + 1),
    TESSERA_NOTES_API_PORT: String(first + 2),
    TESSERA_APP_PORT: String(first + 10),
  }
}

/** Reads the stack description from the environment (defaults: the `npm start` stack). */
export function devStack(env: Env = process.env): DevStack {
  const offset = portOffset()
  const port = (name: string, fallback: number) => intFrom(env, name, fallback) + offset
  const idpPort = port('TESSERA_IDP_PORT', 9400)
  const apiPort = port('TESSERA_API_PORT', 9401)
  const appPort = port('TESSERA_APP_PORT', 5173)
  const notesApiPort = port('TESSERA_NOTES_API_PORT', apiPort - offset + 1)
  const appOrigin = `http://${HOST}:${String(appPort)}`
  const basePath = normalizeBasePath(env.TESSERA_BASE_PATH ?? '/')
  return {
    idpPort,
    apiPort,
    appPort,
    issuer: `http://${HOST}:${String(idpPort)}`,
    apiUrl: `http://${HOST}:${String(apiPort)}`,
    appOrigin,
    basePath,
    clientId: 'tessera-spa',
    // The second is the silent renewal page (src/silent-callback.ts), framed by the app.
    redirectUris: [
      `${appOrigin}${basePath}auth/callback`,
      `${appOrigin}${basePath}silent-callback.html`,
    ],
    postLogoutRedirectUris: [`${appOrigin}${basePath}`],
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
    profile:
      env.TESSERA_PROFILE === undefined || env.TESSERA_PROFILE === ''
        ? 'generic'
        : env.TESSERA_PROFILE,
  }
}

/**
 * The runtime `config.json` the app needs to talk to this stack as a generic OIDC provider.
 * Profiles (dev/profiles/) start from it.
 */
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
