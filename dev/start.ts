/**
 * `npm start`: the identity provider, the demo API and the app with hot reload, all on
 * 127.0.0.1. `npm start -- --dist` serves the production build in `dist/` instead.
 *
 * Run as `node --import tsx`, one process: tsx's own CLI runs a script in a child and kills it
 * mid-shutdown when the child takes a Ctrl-C before tsx does (see start.test.ts).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { devStack } from './config'
import { PROFILES, profileOf, withProfile } from './profiles'
import type { DevStack } from './config'
import { PortInUseError, startStack } from './stack'
import type { AppMode, StartedStack } from './stack'

const USAGE = `Usage: npm start [-- --dist]

  (default)  the app from source with hot reload (Vite dev server)
  --dist     the production build in dist/ (run npm run build first)

Ports: TESSERA_IDP_PORT, TESSERA_API_PORT, TESSERA_APP_PORT (or TESSERA_PORT_OFFSET for all).
Provider: TESSERA_PROFILE=<name> makes the local provider play one vendor (${[...PROFILES.keys()].join(', ')}).`

function fail(message: string, exitCode = 1): never {
  console.error(message)
  process.exit(exitCode)
}

function appMode(args: readonly string[]): AppMode {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE)
    process.exit(0)
  }
  const unknown = args.filter((arg) => arg !== '--dist')
  if (unknown.length > 0) fail(`Unknown argument: ${unknown.join(' ')}\n\n${USAGE}`, 2)
  if (!args.includes('--dist')) return { mode: 'vite-dev' }

  const root = fileURLToPath(new URL('../dist', import.meta.url))
  if (!existsSync(path.join(root, 'index.html'))) {
    fail(`There is no production build in ${root}: run npm run build first.`)
  }
  return { mode: 'dist', root }
}

function banner(stack: DevStack, started: StartedStack, mode: AppMode): string {
  const seconds = process.uptime().toFixed(1)
  const what = mode.mode === 'dist' ? 'production build from dist/' : 'dev server with hot reload'
  const users = stack.users.map((user) => `    ${user.username.padEnd(8)} ${user.password}`)
  return [
    '',
    `  Tessera is ready (${what}, ${seconds} s)`,
    '',
    `  App                ${started.appUrl}`,
    `  Identity provider  ${stack.issuer} (profile ${stack.profile}: ${profileOf(stack).summary})`,
    `  Demo API           ${stack.apiUrl}`,
    `  Notes API          ${stack.notesApiUrl}`,
    '',
    '  Demo users (username, password):',
    ...users,
    '',
    '  Press Ctrl-C to stop.',
    '',
  ].join('\n')
}

let stack: DevStack
try {
  // Throws for an unknown TESSERA_PROFILE; the profile may give the issuer a path.
  stack = withProfile(devStack())
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}
const mode = appMode(process.argv.slice(2))

let started: StartedStack
try {
  started = await startStack(stack, mode)
} catch (error) {
  if (error instanceof PortInUseError) {
    fail(
      `Port ${String(error.port)} (${error.service}) is already in use.\n` +
        `Stop whatever is using it, or choose another port with ${error.envVar}, e.g.\n` +
        `  ${error.envVar}=${String(error.port + 10)} npm start`,
    )
  }
  console.error('Could not start the stack:', error)
  process.exit(1)
}
console.log(banner(stack, started, mode))

/**
 * A terminal's Ctrl-C reaches npm and this process together, and npm passes it on once more: a
 * repeat this soon is the same Ctrl-C, not a second one asking to exit without waiting.
 */
const SAME_CTRL_C_MS = 1000
let stopRequestedAt: number | undefined
function stop(signal: NodeJS.Signals): void {
  const now = performance.now()
  if (stopRequestedAt !== undefined) {
    if (now - stopRequestedAt < SAME_CTRL_C_MS) return
    console.log(`${signal} again: exiting without waiting.`)
    process.exit(130)
  }
  stopRequestedAt = now
  console.log(`${signal}: stopping…`)
  started.close().then(
    () => {
      console.log('Stopped.')
      process.exit(0)
    },
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
