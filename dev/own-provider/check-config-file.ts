/**
 * Checks a config.json before the app is served with it: the app's own validation
 * (src/config/parse-config.ts) and the route table's APIs (src/bootstrap/check-pages.ts), so
 * every problem the page would show at start-up is listed in the terminal first, key by key.
 */
import { readFile } from 'node:fs/promises'

import { missingApis } from '../../src/bootstrap/check-pages'
import { type AppConfig, ConfigError, type ConfigProblem, parseConfig } from '../../src/config'
import { PAGES } from '../../src/pages'

export type ConfigFileCheck =
  | {
      readonly ok: true
      /** The file's object, served as it is as `/config.json`. */
      readonly json: Record<string, unknown>
      /** What the app makes of it. */
      readonly config: AppConfig
    }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] }

/** Where JSON.parse stopped, as "line L, column C" (V8 names only the character position). */
function jsonErrorPlace(text: string, message: string): string {
  const position = /at position (\d+)/.exec(message)?.[1]
  if (position === undefined) return ''
  const before = text.slice(0, Number(position)).split('\n')
  return ` (line ${String(before.length)}, column ${String((before.at(-1)?.length ?? 0) + 1)})`
}

/** Checks the JSON text of a config.json. */
export function checkConfigText(text: string): ConfigFileCheck {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      problems: [
        { path: '', message: `is not valid JSON: ${message}${jsonErrorPlace(text, message)}` },
      ],
    }
  }
  let config: AppConfig
  try {
    config = parseConfig(json)
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, problems: error.problems }
    throw error
  }
  const problems = missingApis(PAGES, config)
  if (problems.length > 0) return { ok: false, problems }
  // parseConfig accepted it, so it is an object.
  return { ok: true, json: json as Record<string, unknown>, config }
}

/** Reads and checks the config.json at `file`. */
export async function checkConfigFile(file: string): Promise<ConfigFileCheck> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const message =
      code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(error)})`
    return { ok: false, problems: [{ path: '', message }] }
  }
  return checkConfigText(text)
}

/** The problems for the terminal: one line per key, then what to do. */
export function describeProblems(file: string, problems: readonly ConfigProblem[]): string {
  const count = problems.length === 1 ? 'a problem' : `${String(problems.length)} problems`
  return [
    `${file} has ${count}:`,
    ...problems.map(({ path, message }) => `  - ${path === '' ? 'the file' : path}: ${message}`),
    '',
    'Fix the file and run npm start -- --config again. Every key is explained in the README',
    '("Configuration: config.json"); docs/config-examples/ has one file per provider.',
  ].join('\n')
}
