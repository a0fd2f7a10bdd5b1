/**
 * The fixture app (issue 18's "make it yours", proven): Tessera as a team makes it its own, with
 * the example removed and a route table of one page on one API under another name. This
 * copies the app's sources into a temporary fork, applies overlay/ there, type-checks, lints and
 * builds the fork as a team would, then serves its dist/ with the local provider and the demo
 * API under the name "catalog". Any failing step fails the e2e project "fixture-app", whose
 * spec (fixture-app.spec.ts) then signs in and uses the page.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { startDemoApi } from '../api/server'
import { appStep, startInOrder } from '../app-server'
import { appConfigFor, devStack } from '../config'
import { startIdentityProvider } from '../idp/server'
import { stopOnSignal } from '../stop-on-signal'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const OVERLAY = fileURLToPath(new URL('overlay', import.meta.url))
/** What a fork of the app needs to type-check, lint and build. */
const APP_FILES = [
  'src',
  'public',
  'index.html',
  'silent-callback.html',
  'vite.config.ts',
  'tsconfig.json',
  'eslint.config.js',
  'package.json',
  'dev/hosting',
]

function run(cwd: string, command: string, args: readonly string[]): void {
  console.log(`fixture-app: ${command} ${args.join(' ')}`)
  execFileSync(path.join(ROOT, 'node_modules/.bin', command), args, { cwd, stdio: 'inherit' })
}

/** The team's fork: the app's sources with overlay/ applied and the example removed. */
function fork(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tessera-fixture-app-'))
  for (const file of APP_FILES)
    cpSync(path.join(ROOT, file), path.join(dir, file), { recursive: true })
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'))
  rmSync(path.join(dir, 'src/example'), { recursive: true })
  cpSync(OVERLAY, dir, { recursive: true })
  // The team checks its app; the upstream unit tests still name the example's pages.
  writeFileSync(
    path.join(dir, 'tsconfig.app.json'),
    JSON.stringify({
      extends: './tsconfig.json',
      include: ['src'],
      exclude: ['src/**/*.test.*', 'src/testing'],
    }),
  )
  return dir
}

const stack = devStack()
const dir = fork()
process.on('exit', () => {
  rmSync(dir, { recursive: true, force: true })
})
run(dir, 'tsc', ['--noEmit', '-p', 'tsconfig.app.json'])
run(dir, 'eslint', [
  '--max-warnings=0',
  '--no-cache',
  '--ignore-pattern',
  '**/*.test.*',
  '--ignore-pattern',
  'src/testing/**',
  'src',
])
run(dir, 'vite', ['build', '--logLevel', 'warn'])

const generated = appConfigFor(stack)
const config = {
  ...generated,
  apis: {
    catalog: { baseUrl: stack.apiUrl, scopes: [...stack.apiScopes], resource: stack.apiUrl },
  },
}
const servers = await startInOrder([
  {
    service: 'identity provider',
    port: stack.idpPort,
    envVar: 'TESSERA_IDP_PORT',
    start: () => startIdentityProvider(stack),
  },
  {
    service: 'catalog API',
    port: stack.apiPort,
    envVar: 'TESSERA_API_PORT',
    start: () => startDemoApi(stack),
  },
  appStep({
    app: { mode: 'dist', root: path.join(dir, 'dist') },
    port: stack.appPort,
    basePath: '/',
    config,
  }),
])
console.log(`fixture-app: serving ${stack.appOrigin}/`)
stopOnSignal('fixture app', servers)
