/**
 * Finds a program the e2e suite drives (a browser, nginx) without running anything: an
 * environment variable naming it, else well-known paths, else PATH. Looking never installs and
 * never throws, so playwright.config.ts can load on any machine and say what it did not find.
 */
import { accessSync, constants, statSync } from 'node:fs'
import path from 'node:path'

export interface ProgramSearch {
  /** The environment variable that names the program, e.g. `NGINX_PATH`: when set, it decides. */
  readonly envVar: string
  /** Absolute paths to try next, e.g. `/usr/sbin/nginx` (often not in a user's PATH). */
  readonly paths: readonly string[]
  /** File names to look for in PATH, e.g. `nginx`. */
  readonly names: readonly string[]
}

export type ProgramLookup =
  | {
      readonly found: true
      readonly path: string
      /** How it was found: the variable's name, "system" (a well-known path) or "PATH". */
      readonly how: string
    }
  | {
      readonly found: false
      /** Why not, for one line of output. */
      readonly reason: string
      /** The variable was set to something unusable: a mistake to report, not a missing program. */
      readonly misconfigured: boolean
    }

type Env = Readonly<Record<string, string | undefined>>

/** Whether `file` is a regular file this process may execute. */
export function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return statSync(file).isFile()
  } catch {
    return false
  }
}

export function findProgram(
  search: ProgramSearch,
  env: Env = process.env,
  isExecutable: (file: string) => boolean = isExecutableFile,
): ProgramLookup {
  const named = env[search.envVar]
  if (named !== undefined && named !== '') {
    return isExecutable(named)
      ? { found: true, path: named, how: search.envVar }
      : {
          found: false,
          reason: `${search.envVar} is "${named}", which is not an executable file`,
          misconfigured: true,
        }
  }
  const system = search.paths.find((file) => isExecutable(file))
  if (system !== undefined) return { found: true, path: system, how: 'system' }
  const folders = (env.PATH ?? '').split(path.delimiter).filter((folder) => folder !== '')
  for (const folder of folders) {
    for (const name of search.names) {
      const file = path.join(folder, name)
      if (isExecutable(file)) return { found: true, path: file, how: 'PATH' }
    }
  }
  const where = [...search.paths, `${search.names.join(', ')} in PATH`].join(', ')
  return {
    found: false,
    reason: `none found (${search.envVar} unset; looked at ${where})`,
    misconfigured: false,
  }
}
