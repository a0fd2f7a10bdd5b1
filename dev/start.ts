/**
 * `npm start`: the identity provider, the demo API and the app with hot reload, all on
 * 127.0.0.1. `npm start -- --dist` serves the production build in `dist/` instead;
 * `npm start -- --config <file>` serves the app alone with that config.json, against your own
 * provider and APIs (dev/own-provider/).
 *
 * Run as `node --import tsx`, one process: tsx's own CLI runs a script in a child and kills it
 * mid-shutdown when the child takes a Ctrl-C before tsx does (see start.test.ts).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type AppMode, PortInUseError, startAppAlone, type StartedStack } from './app-server'
import { devStack } from './config'
import type { DevStack } from './config'
import { ownProviderBanner, registrationFor } from './own-provider/banner'
import { checkConfigFile, describeProblems } from './own-provider/check-config-file'
import { parseStartArgs, START_USAGE } from './start-args'

function fail(message: string, exitCode = 1): never {
  console.error(message)
  process.exit(exitCode)
}

function distMode(): AppMode {
  const root = fileURLToPath(new URL('../dist', import.meta.url))
  if (!existsSync(path.join(root, 'index.html'))) {
    fail(`There is no production build in ${root}: run npm run build first.`)
  }
  return { mode: 'dist', root }
}

function whatRuns(mode: AppMode): string {
  return mode.mode === 'dist' ? 'production build from dist/' : 'dev server with hot reload'
}

/** Started server(s), and what to print once they are up. */
interface Running {
  readonly started: StartedStack
  readonly banner: string
}

/** The local provider, demo APIs and the app. Their code (oidc-provider) loads only here. */
async function startLocalStack(mode: AppMode): Promise<Running> {
  const { profileOf, withProfile } = await import('./profiles')
  const { startStack } = await import('./stack')
  let stack: DevStack
  try {
    // Throws for an unknown TESSERA_PROFILE; the profile may give the issuer a path.
    stack = withProfile(devStack())
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error))
  }
  const started = await startStack(stack, mode)
  const users = stack.users.map((user) => `    ${user.username.padEnd(8)} ${user.password}`)
  const banner = [
    '',
    `  Tessera is ready (${whatRuns(mode)}, ${process.uptime().toFixed(1)} s)`,
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
  return { started, banner }
}

/** The app alone with the user's config.json, checked first: `--config <file>`. */
async function startWithOwnConfig(mode: AppMode, configFile: string): Promise<Running> {
  // npm runs scripts in the repository; a relative path is meant from where npm was typed.
  const check = await checkConfigFile(path.resolve(process.env.INIT_CWD ?? '.', configFile))
  if (!check.ok) fail(describeProblems(configFile, check.problems))
  const { appPort, basePath: builtBase } = devStack()
  const basePath = mode.mode === 'dist' ? builtBase : '/'
  const started = await startAppAlone({ app: mode, port: appPort, basePath, config: check.json })
  const banner = ownProviderBanner({
    configFile,
    config: check.config,
    registration: registrationFor(check.config, appPort, basePath),
    what: whatRuns(mode),
    seconds: process.uptime().toFixed(1),
  })
  return { started, banner }
}

async function usage(): Promise<string> {
  const { PROFILES } = await import('./profiles')
  return `${START_USAGE}

Ports: TESSERA_IDP_PORT, TESSERA_API_PORT, TESSERA_APP_PORT (or TESSERA_PORT_OFFSET for all).
Provider: TESSERA_PROFILE=<name> makes the local provider play one vendor (${[...PROFILES.keys()].join(', ')}).`
}

const args = parseStartArgs(process.argv.slice(2), process.env)
if (args.kind === 'help') {
  console.log(await usage())
  process.exit(0)
}
if (args.kind === 'usage-error') fail(`${args.message}\n\n${START_USAGE}`, 2)
const mode: AppMode = args.dist ? distMode() : { mode: 'vite-dev' }

let started: StartedStack
try {
  const running =
    args.configFile === undefined
      ? await startLocalStack(mode)
      : await startWithOwnConfig(mode, args.configFile)
  started = running.started
  console.log(running.banner)
} catch (error) {
  if (error instanceof PortInUseError) {
    fail(
      `Port ${String(error.port)} (${error.service}) is already in use.\n` +
        `Stop whatever is using it, or choose another port with ${error.envVar}, e.g.\n` +
        `  ${error.envVar}=${String(error.port + 10)} npm start`,
    )
  }
  console.error('Could not start:', error)
  process.exit(1)
}

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
