/**
 * Finds the engines the matrix can run in: an environment variable names each program, else
 * Debian's package puts it in a known place. An engine that is not there is skipped, with the
 * Debian package that brings it; the matrix never fails for lack of one.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

import type { EngineName } from './engine'

export interface FirefoxInstall {
  readonly engine: 'firefox'
  readonly executable: string
}

export interface WebKitInstall {
  readonly engine: 'webkit'
  readonly driver: string
  readonly browser: string
  /** `undefined` when DISPLAY is set: the matrix then uses that display, not an Xvfb. */
  readonly xvfb: string | undefined
}

export type EngineInstall = FirefoxInstall | WebKitInstall

export interface MissingEngine {
  readonly engine: EngineName
  /** One line: what is missing and how to install it. */
  readonly reason: string
}

const FIREFOXES = ['/usr/bin/firefox-esr']
const WEBKIT_DRIVERS = ['/usr/bin/WebKitWebDriver']
const XVFBS = ['/usr/bin/Xvfb']

function fromEnv(name: string): string | undefined {
  const value = process.env[name]
  if (value === undefined || value === '') return undefined
  if (!existsSync(value))
    throw new Error(`${name} is set to "${value}", but there is no file there.`)
  return value
}

function firstExisting(paths: readonly string[]): string | undefined {
  return paths.find((path) => existsSync(path))
}

/** Debian keeps MiniBrowser under the multiarch library folder, e.g. /usr/lib/x86_64-linux-gnu. */
function miniBrowsers(): string[] {
  const libraries = ['/usr/lib', ...safeList('/usr/lib').map((dir) => join('/usr/lib', dir))]
  return libraries.flatMap((dir) =>
    ['webkit2gtk-4.1', 'webkitgtk-6.0', 'webkit2gtk-4.0'].map((api) =>
      join(dir, api, 'MiniBrowser'),
    ),
  )
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}

function findFirefox(): FirefoxInstall | MissingEngine {
  const executable = fromEnv('FIREFOX_PATH') ?? firstExisting(FIREFOXES)
  if (executable !== undefined) return { engine: 'firefox', executable }
  return {
    engine: 'firefox',
    reason: 'no Firefox: apt-get install firefox-esr (or set FIREFOX_PATH)',
  }
}

function findWebKit(): WebKitInstall | MissingEngine {
  const driver = fromEnv('WEBKIT_DRIVER_PATH') ?? firstExisting(WEBKIT_DRIVERS)
  if (driver === undefined) {
    return {
      engine: 'webkit',
      reason:
        'no WebKitWebDriver: apt-get install webkit2gtk-driver xvfb (or set WEBKIT_DRIVER_PATH)',
    }
  }
  const browser = fromEnv('WEBKIT_BROWSER_PATH') ?? firstExisting(miniBrowsers())
  if (browser === undefined) {
    return {
      engine: 'webkit',
      reason:
        'no MiniBrowser: apt-get install webkit2gtk-driver (its libwebkit2gtk ships it), or set WEBKIT_BROWSER_PATH',
    }
  }
  const display = process.env.DISPLAY
  if (display !== undefined && display !== '')
    return { engine: 'webkit', driver, browser, xvfb: undefined }
  const xvfb = fromEnv('XVFB_PATH') ?? firstExisting(XVFBS)
  if (xvfb === undefined) {
    return {
      engine: 'webkit',
      reason: 'no X display for MiniBrowser: apt-get install xvfb (or set DISPLAY or XVFB_PATH)',
    }
  }
  return { engine: 'webkit', driver, browser, xvfb }
}

export interface FoundEngines {
  readonly installed: readonly EngineInstall[]
  readonly missing: readonly MissingEngine[]
}

export function findEngines(): FoundEngines {
  const found = [findFirefox(), findWebKit()]
  return {
    installed: found.filter((entry): entry is EngineInstall => !('reason' in entry)),
    missing: found.filter((entry): entry is MissingEngine => 'reason' in entry),
  }
}
