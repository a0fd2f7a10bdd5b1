/**
 * `npm run hosting -- --base /portal/`: prepares a built dist/ for its host, without a rebuild.
 * Pins dist/index.html to the base path and writes every host's files (hosting/<host>/) from the
 * hosting policy, with the CSP's connect-src taken from the config.json that will be deployed.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { ConfigError, parseConfig } from '../../src/config'
import { normalizeBasePath } from './base-path'
import { otherDocuments } from './dist-documents'
import { pinBasePath } from './index-html'
import { hostingKit } from './kit'
import { hostingPolicy } from './policy'
import { sharedOriginWarning } from './shared-origin'

const USAGE = `Usage: npm run hosting -- [--base /] [--dist dist] [--config <dist>/config.json]
                           [--out hosting] [--nginx-root /srv/tessera] [--nginx-listen 80]

  --base          URL path the app is served under, e.g. / or /portal/
  --dist          the build to prepare (its index.html is pinned to --base)
  --config        the config.json that will be deployed (the CSP allows its origins)
  --out           folder for the host files, one subfolder per host
  --nginx-root    where the server holds the deployed dist/ contents (nginx alias)
  --nginx-listen  nginx listen parameters, e.g. 80 or 127.0.0.1:8080

Re-run it whenever config.json changes. See docs/hosting.md.`

function fail(message: string): never {
  console.error(`hosting: ${message}`)
  process.exit(1)
}

async function readJson(file: string, given: boolean): Promise<unknown> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    // The build ships no config.json: it is this deployment's, never the local stack's.
    fail(
      given
        ? `cannot read ${file}`
        : `there is no ${file}: copy this environment's config.json there, or pass --config <file>`,
    )
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    fail(`${file} is not valid JSON: ${String(error)}`)
  }
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        base: { type: 'string', default: '/' },
        dist: { type: 'string', default: 'dist' },
        config: { type: 'string' },
        out: { type: 'string', default: 'hosting' },
        'nginx-root': { type: 'string', default: '/srv/tessera' },
        'nginx-listen': { type: 'string', default: '80' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
  }
})()
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}

const dist = path.resolve(values.dist)
const configFile = path.resolve(values.config ?? path.join(dist, 'config.json'))
const out = path.resolve(values.out)
let basePath: string
try {
  basePath = normalizeBasePath(values.base)
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}
if (path.relative(dist, out) === '' || !path.relative(dist, out).startsWith('..')) {
  fail(`--out ${out} is inside ${dist}: the host would serve its own configuration`)
}

const config = await readJson(configFile, values.config !== undefined)
if (typeof config !== 'object' || config === null || Array.isArray(config)) {
  fail(`${configFile} must hold a JSON object`)
}
try {
  // The same validation as the app's, so a bad config.json fails here, not in users' browsers.
  parseConfig(config)
} catch (error) {
  fail(error instanceof ConfigError ? `${configFile}: ${error.message}` : String(error))
}

const indexFile = path.join(dist, 'index.html')
let indexHtml: string
try {
  indexHtml = pinBasePath(await readFile(indexFile, 'utf8'), basePath)
} catch (error) {
  fail(`${indexFile}: ${error instanceof Error ? error.message : String(error)}`)
}
await writeFile(indexFile, indexHtml)

// Every host of the kit serves the app over https.
const policy = hostingPolicy({ config: { ...config }, basePath, tls: true })
const files = hostingKit({
  policy,
  indexHtml,
  documents: await otherDocuments(dist),
  nginx: { root: values['nginx-root'], listen: values['nginx-listen'] },
})
for (const [file, content] of files) {
  const target = path.join(out, file)
  await mkdir(path.dirname(target), { recursive: true })
  await writeFile(target, content)
}
console.log(
  [
    `Pinned ${path.relative(process.cwd(), indexFile)} to ${basePath}.`,
    `Wrote ${String(files.size)} host files to ${path.relative(process.cwd(), out) || '.'}/:`,
    ...[...files.keys()].map((file) => `  ${file}`),
    `CSP connect-src: ${(policy.securityHeaders['Content-Security-Policy'] ?? '').split('; ').find((d) => d.startsWith('connect-src')) ?? ''}`,
  ].join('\n'),
)
// Last, so it is what the terminal shows at the end.
const warning = sharedOriginWarning(basePath, { ...config })
if (warning !== undefined) console.error(`\n${warning}`)
