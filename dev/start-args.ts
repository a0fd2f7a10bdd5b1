/**
 * `npm start`'s command line: the local stack (default), the production build (`--dist`), and
 * the app alone against your own provider and APIs (`--config <file>`).
 */
import { parseArgs } from 'node:util'

export const START_USAGE = `Usage: npm start [-- [--dist] [--config <file>]]

  (default)        the local stack: identity provider, demo APIs and the app from source
                   with hot reload (Vite dev server)
  --dist           the production build in dist/ instead of the dev server (npm run build first)
  --config <file>  the app alone with this config.json, against your own provider and APIs:
                   no local provider or demo API. The file is checked key by key first, and
                   the redirect URIs to register are printed. See docs/your-provider.md.`

export type StartArgs =
  | { readonly kind: 'help' }
  | { readonly kind: 'usage-error'; readonly message: string }
  | {
      readonly kind: 'run'
      /** Serve dist/ instead of the dev server. */
      readonly dist: boolean
      /** The app alone with this config.json; undefined: the local stack. */
      readonly configFile: string | undefined
    }

type Env = Readonly<Record<string, string | undefined>>

/**
 * Options npm kept for itself: without `--`, `npm start --config x.json` runs the script with
 * just `x.json` and sets `npm_config_config`, and `npm start --dist` runs the default stack.
 */
function swallowedByNpm(env: Env): string[] {
  return ['config', 'dist'].filter((name) => env[`npm_config_${name}`] !== undefined)
}

/** Reads `npm start`'s arguments (what follows `--`); never exits, never throws. */
export function parseStartArgs(args: readonly string[], env: Env = {}): StartArgs {
  const swallowed = swallowedByNpm(env)
  if (swallowed.length > 0) {
    const options = swallowed.map((name) => `--${name}`).join(' and ')
    return {
      kind: 'usage-error',
      message: `npm kept ${options} for itself: put "--" before the options, e.g. npm start -- --config my-config.json`,
    }
  }
  let values: { dist?: boolean; config?: string[]; help?: boolean }
  try {
    ;({ values } = parseArgs({
      args: [...args],
      options: {
        dist: { type: 'boolean' },
        config: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (error) {
    return { kind: 'usage-error', message: error instanceof Error ? error.message : String(error) }
  }
  if (values.help === true) return { kind: 'help' }
  const configFiles = values.config ?? []
  if (configFiles.length > 1) {
    return {
      kind: 'usage-error',
      message: `--config is given ${String(configFiles.length)} times: name one file`,
    }
  }
  const [configFile] = configFiles
  if (configFile?.trim() === '') {
    return { kind: 'usage-error', message: '--config needs the path of a config.json file' }
  }
  return { kind: 'run', dist: values.dist === true, configFile }
}
