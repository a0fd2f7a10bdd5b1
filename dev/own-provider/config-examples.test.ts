// docs/config-examples/: one config.json per provider, for `npm start -- --config <file>`.
import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { checkConfigFile } from './check-config-file'

const EXAMPLES = fileURLToPath(new URL('../../docs/config-examples/', import.meta.url))
const GUIDE = fileURLToPath(new URL('../../docs/your-provider.md', import.meta.url))
const PROVIDERS = ['auth0', 'entra', 'generic', 'keycloak', 'okta']
/** What a user replaces: `your-…` names, GUIDs, example.com hosts and the client id "tessera". */
const PLACEHOLDER =
  /your-[\w-]+|[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}|[\w-]+\.example\.com|\btessera\b/g

describe('docs/config-examples', () => {
  it('has one file per provider', async () => {
    expect((await readdir(EXAMPLES)).sort()).toEqual(PROVIDERS.map((name) => `${name}.json`))
  })

  it.each(PROVIDERS)('%s.json passes the check npm start -- --config makes', async (name) => {
    const check = await checkConfigFile(`${EXAMPLES}${name}.json`)

    expect(check.ok ? [] : check.problems).toEqual([])
  })

  it.each(PROVIDERS)('%s.json is in docs/your-provider.md, each placeholder too', async (name) => {
    const guide = await readFile(GUIDE, 'utf8')
    const placeholders = new Set(
      (await readFile(`${EXAMPLES}${name}.json`, 'utf8')).match(PLACEHOLDER),
    )

    expect(guide).toContain(`docs/config-examples/${name}.json`)
    expect(placeholders.size).toBeGreaterThan(0)
    for (const placeholder of placeholders) expect(guide).toContain(`\`${placeholder}`)
  })
})
