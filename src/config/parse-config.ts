import * as v from 'valibot'

import type { AppConfig } from './app-config'
import { ConfigError } from './config-error'
import { idleKeyProblems } from './idle-keys'
import { oneResourceProblems } from './scope-resources'

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** Whether `url` is on this machine only (the one place plain http and diagnostics are fine). */
export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname)
}

/**
 * Why a URL is unusable, or undefined when it is fine. SEC-34: every non-loopback URL must be
 * https, or tokens would cross the network in clear.
 */
function urlProblem(value: string): string | undefined {
  if (!URL.canParse(value)) return `must be an absolute URL, got "${value}"`
  const url = new URL(value)
  const loopbackHttp = url.protocol === 'http:' && isLoopback(url)
  if (url.protocol !== 'https:' && !loopbackHttp) {
    return 'must use https (plain http is only allowed for localhost/127.0.0.1)'
  }
  if (url.search || url.hash || value.includes('#')) return 'must not contain a query or fragment'
  return undefined
}

const secureUrl = v.pipe(
  v.string('must be a URL string'),
  v.rawCheck(({ dataset, addIssue }) => {
    const problem = dataset.typed ? urlProblem(dataset.value) : undefined
    if (problem) addIssue({ message: problem })
  }),
)

const nonEmptyString = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))

const scopeList = v.pipe(
  v.array(
    v.pipe(
      nonEmptyString,
      v.regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, 'must be a single scope token without spaces'),
    ),
    'must be an array of scope strings',
  ),
  v.minLength(1, 'must list at least one scope'),
)

const appPath = v.pipe(
  v.string('must be a string'),
  v.regex(/^\/(?!\/)[^?#\\]*$/, 'must be a path starting with a single "/", without ? or #'),
)

const apiSchema = v.pipe(
  v.strictObject(
    {
      baseUrl: secureUrl,
      scopes: scopeList,
      resource: v.optional(secureUrl),
      // Auth0 API identifiers are any string (often, not always, a URL).
      audience: v.optional(nonEmptyString),
    },
    'is not a known key (allowed: baseUrl, scopes, resource, audience)',
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const { resource, audience } = dataset.value
    if (resource !== undefined && audience !== undefined) {
      addIssue({
        message:
          'must not be set together with "resource": use "audience" for Auth0, "resource" for providers that support RFC 8707',
        path: [
          {
            type: 'object',
            origin: 'value',
            input: dataset.value,
            key: 'audience',
            value: audience,
          },
        ],
      })
    }
  }),
)

const positiveMinutes = v.pipe(
  v.number('must be a number of minutes'),
  v.check((minutes: number) => minutes > 0, 'must be a positive number of minutes'),
)

const configSchema = v.object({
  authority: secureUrl,
  clientId: nonEmptyString,
  scopes: v.pipe(
    scopeList,
    v.check((scopes) => scopes.includes('openid'), 'must include "openid"'),
  ),
  redirectPath: v.optional(appPath, '/auth/callback'),
  postLogoutRedirectPath: v.optional(appPath, '/'),
  renewal: v.optional(
    v.picklist(['auto', 'refresh-token', 'iframe'], 'must be "auto", "refresh-token" or "iframe"'),
    'auto',
  ),
  diagnostics: v.optional(v.boolean('must be true or false'), false),
  dpop: v.optional(v.boolean('must be true or false'), false),
  providerOrigins: v.optional(
    v.array(
      v.pipe(
        secureUrl,
        v.check((value) => new URL(value).origin === value, 'must be an origin, like https://host'),
      ),
      'must be an array of origins',
    ),
    [],
  ),
  issuer: v.optional(secureUrl),
  oneResourcePerRequest: v.optional(v.boolean('must be true or false'), false),
  clientCapabilities: v.optional(
    v.array(
      v.pipe(nonEmptyString, v.regex(/^[\w.-]+$/, 'must be a capability name like "cp1"')),
      'must be an array of capability names, like ["cp1"]',
    ),
    [],
  ),
  maxSessionAge: v.optional(positiveMinutes),
  idleTimeout: v.optional(positiveMinutes),
  idleWarning: v.optional(
    v.pipe(
      v.number('must be a number of seconds'),
      v.check(
        (seconds) => Number.isInteger(seconds) && seconds > 0,
        'must be a whole number of seconds',
      ),
    ),
    60,
  ),
  apis: v.pipe(
    v.record(
      v.pipe(v.string(), v.regex(/^[A-Za-z][\w-]*$/, 'API names are letters, digits, - and _')),
      apiSchema,
      'must be an object of named APIs',
    ),
    v.check((apis) => Object.keys(apis).length > 0, 'must configure at least one API'),
  ),
})

/**
 * Validates untrusted `config.json` content. Throws a {@link ConfigError} listing every
 * problem with the key it concerns, so a deployer can fix the file in one pass.
 */
export function parseConfig(input: unknown): AppConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ConfigError('config.json is invalid:', [
      { path: '', message: 'must be a JSON object like the example in the README' },
    ])
  }
  const result = v.safeParse(configSchema, input)
  const idleProblems = idleKeyProblems(input as Record<string, unknown>)
  if (result.success && idleProblems.length === 0) {
    const { apis, issuer, idleTimeout, maxSessionAge, ...rest } = result.output
    if (rest.oneResourcePerRequest) {
      const problems = oneResourceProblems(result.output)
      if (problems.length > 0) throw new ConfigError('config.json is invalid:', problems)
    }
    return {
      ...rest,
      ...(issuer === undefined ? {} : { issuer }),
      ...(maxSessionAge === undefined ? {} : { maxSessionAge }),
      ...(idleTimeout === undefined ? {} : { idleTimeout }),
      apis: Object.fromEntries(
        Object.entries(apis).map(([name, { resource, audience, ...api }]) => [
          name,
          {
            ...api,
            ...(resource === undefined ? {} : { resource }),
            ...(audience === undefined ? {} : { audience }),
          },
        ]),
      ),
    }
  }
  const problems = (result.issues ?? []).map((issue) => ({
    path: v.getDotPath(issue) ?? '',
    message: issue.kind === 'schema' && issue.input === undefined ? 'is required' : issue.message,
  }))
  throw new ConfigError('config.json is invalid:', [...problems, ...idleProblems])
}
