/**
 * The Chromium the e2e suite drives: `CHROMIUM_PATH`, else a system Chromium, else Playwright's
 * own build. `locateChromium` only looks (playwright.config.ts, at every load); `ensureChromium`
 * installs one when none is found (Debian's package when root on Debian/Ubuntu, otherwise
 * Playwright's), run by `npm run test:e2e` before Playwright, and by the bench and screenshots.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

import { findProgram, type ProgramLookup } from '../../dev/testing/find-program'

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

/** Looks for a Chromium; never installs, never throws. */
export function locateChromium(env = process.env): ProgramLookup {
  return findProgram(
    {
      envVar: 'CHROMIUM_PATH',
      paths: SYSTEM_CHROMIUMS,
      names: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
    },
    env,
  )
}

/**
 * The executable for Playwright's `launchOptions.executablePath`: `undefined` means Playwright's
 * own build. A wrong `CHROMIUM_PATH` is passed on, so the launch fails naming it.
 */
export function findChromium(): string | undefined {
  const lookup = locateChromium()
  if (lookup.found) return lookup.path
  return lookup.misconfigured ? process.env.CHROMIUM_PATH : undefined
}

/** One line on what `findChromium` chose, for playwright.config.ts to print. */
export function describeChromium(): string {
  const lookup = locateChromium()
  if (lookup.found) return `Chromium: ${lookup.path} (${lookup.how})`
  if (lookup.misconfigured) return `Chromium: ${lookup.reason}; launching it will fail`
  return `Chromium: Playwright's own (${lookup.reason}; npm run test:e2e installs it)`
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

/**
 * `findChromium`, installing a Chromium first when there is none: Debian's package as root on
 * Debian, else Playwright's build (`npx playwright install chromium`, a no-op once installed).
 * Throws when `CHROMIUM_PATH` names no executable, or the install fails.
 */
export function ensureChromium(): string | undefined {
  ensured ??= { path: installIfMissing() }
  return ensured.path
}

/** The bench asks once per browser it starts: look, print and install once per process. */
let ensured: { readonly path: string | undefined } | undefined

function installIfMissing(): string | undefined {
  const lookup = locateChromium()
  if (lookup.found) {
    console.log(`Chromium: ${lookup.path} (${lookup.how})`)
    return lookup.path
  }
  if (lookup.misconfigured) throw new Error(`Chromium: ${lookup.reason}.`)
  if (isRoot && existsSync('/etc/debian_version')) {
    console.log('Chromium: none found, installing Debian package "chromium" with apt-get')
    if (!aptHasChromiumCandidate()) run('apt-get', ['update'])
    run('apt-get', ['install', '-y', 'chromium'])
    return findChromium()
  }
  console.log(
    'Chromium: none found, installing Playwright\'s with "npx playwright install chromium"',
  )
  run('npx', ['playwright', 'install', 'chromium'])
  return undefined
}
