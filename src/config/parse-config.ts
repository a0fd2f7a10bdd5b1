import * as v from 'valibot'

import type { AppConfig } from './app-config'
import { ConfigError } from './config-error'

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** SEC-34: every non-loopback URL must be https, or tokens would cross the network in clear. */
function isSecureUrl(value: string): boolean {
  try {
    const url = new URL(value)
    if (url.protocol === 'https:') return true
    return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)
  } catch {
    return false
  }
}

const secureUrl = v.pipe(
  v.string('must be a URL string'),
  v.check(
    (value) => URL.canParse(value),
    (issue) => `must be an absolute URL, got "${issue.input}"`,
  ),
  v.check(isSecureUrl, 'must use https (plain http is only allowed for localhost/127.0.0.1)'),
  v.check(
    (value) => !value.includes('#') && !value.includes('?'),
    'must not contain a query or fragment',
  ),
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

const apiSchema = v.strictObject(
  {
    baseUrl: secureUrl,
    scopes: scopeList,
    resource: v.optional(secureUrl),
  },
  'is not a known key (allowed: baseUrl, scopes, resource)',
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
  const result = v.safeParse(configSchema, input)
  if (result.success) {
    const { apis, ...rest } = result.output
    return {
      ...rest,
      apis: Object.fromEntries(
        Object.entries(apis).map(([name, { resource, ...api }]) => [
          name,
          resource === undefined ? api : { ...api, resource },
        ]),
      ),
    }
  }
  const problems = result.issues.map((issue) => ({
    path: v.getDotPath(issue) ?? '',
    message: issue.kind === 'schema' && issue.input === undefined ? 'is required' : issue.message,
  }))
  throw new ConfigError('config.json is invalid:', problems)
}
