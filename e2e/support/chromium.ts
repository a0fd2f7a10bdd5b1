/**
 * Finds the Chromium the e2e suite drives: `CHROMIUM_PATH`, else a system Chromium, else one
 * installed on the spot (Debian's package when root on Debian/Ubuntu, otherwise Playwright's).
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
]

const isRoot = process.getuid?.() === 0

/**
 * Flags for a headless Chromium on a closed network: no background connections (updates,
 * sync, QUIC probes, ...) that would be refused and slow things down, no GPU, and /tmp instead
 * of a small /dev/shm. `--no-sandbox` only when root, where Chromium refuses to start otherwise.
 */
export const CHROMIUM_ARGS: string[] = [
  ...(isRoot ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

/** playwright.config.ts is loaded by the runner and again by every worker: report once. */
function report(line: string): void {
  if (process.env.TEST_WORKER_INDEX === undefined) console.log(line)
}

function run(command: string, args: readonly string[]): void {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (result.error !== undefined) throw result.error
  if (result.status !== 0) {
    throw new Error(
      `"${[command, ...args].join(' ')}" failed with exit code ${String(result.status)}`,
    )
  }
}

function aptHasChromiumCandidate(): boolean {
  const result = spawnSync('apt-cache', ['policy', 'chromium'], { encoding: 'utf8' })
  return result.status === 0 && /Candidate:\s*(?!\(none\))\S/.test(result.stdout)
}

let found: { path: string | undefined } | undefined

/**
 * The Chromium executable for Playwright's `launchOptions.executablePath`, or `undefined` when
 * Playwright should use the browser it installed itself.
 */
export function findChromium(): string | undefined {
  if (found !== undefined) return found.path

  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!existsSync(fromEnv)) {
      throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", but there is no file there.`)
    }
    report(`Chromium: ${fromEnv} (from CHROMIUM_PATH)`)
    found = { path: fromEnv }
    return fromEnv
  }

  const system = SYSTEM_CHROMIUMS.find((path) => existsSync(path))
  if (system !== undefined) {
    report(`Chromium: ${system} (system)`)
    found = { path: system }
    return system
  }

  if (isRoot && existsSync('/etc/debian_version')) {
    report('Chromium: none found, installing Debian package "chromium" with apt-get')
    if (!aptHasChromiumCandidate()) run('apt-get', ['update'])
    run('apt-get', ['install', '-y', 'chromium'])
    report('Chromium: /usr/bin/chromium (just installed)')
    found = { path: '/usr/bin/chromium' }
    return found.path
  }

  report('Chromium: none found, installing Playwright\'s with "npx playwright install chromium"')
  run('npx', ['playwright', 'install', 'chromium'])
  report("Chromium: Playwright's own")
  found = { path: undefined }
  return undefined
}
