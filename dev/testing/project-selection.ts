/**
 * Which Playwright projects a run selects, read from the runner's own command line the way
 * Playwright reads it (`--project <name...>`, commander's variadic option: `--project a b`,
 * `--project=a`, repeated; names case-insensitive, `*` a wildcard). playwright.config.ts starts
 * the web servers of the selected projects only. Playwright has no per-project web server.
 */

/** What the command line selects: every project, or those matching one of the filters. */
export type ProjectSelection =
  { readonly all: true } | { readonly all: false; readonly filters: readonly string[] }

/** Options that let the run pick any project later (UI mode): every server is needed. */
const ANY_PROJECT_LATER = new Set(['--ui', '--ui-host', '--ui-port'])

/** Reads the `--project` filters from `argv` (a whole `process.argv`). */
export function projectSelection(argv: readonly string[]): ProjectSelection {
  const filters: string[] = []
  let collecting = false
  for (const arg of argv) {
    // Everything after "--" is a test filter, never an option.
    if (arg === '--') break
    const [option = ''] = arg.split('=', 1)
    if (ANY_PROJECT_LATER.has(option)) return { all: true }
    if (arg.startsWith('--project=')) {
      filters.push(arg.slice('--project='.length))
      collecting = false
    } else if (arg === '--project') {
      collecting = true
    } else if (collecting && !arg.startsWith('-')) {
      filters.push(arg)
    } else {
      collecting = false
    }
  }
  return filters.length === 0 ? { all: true } : { all: false, filters }
}

function wildcard(pattern: string): RegExp {
  const escaped = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${escaped.join('.*')}$`, 'i')
}

/** Whether the project `name` runs, as Playwright matches `--project` filters. */
export function isSelected(name: string, selection: ProjectSelection): boolean {
  if (selection.all) return true
  return selection.filters.some((filter) =>
    filter.includes('*')
      ? wildcard(filter).test(name)
      : filter.toLocaleLowerCase() === name.toLocaleLowerCase(),
  )
}
