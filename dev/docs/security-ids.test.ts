// @vitest-environment node
/**
 * docs/security.md is the project's own list of security controls: every `SEC-nn` that code,
 * tests or docs cite must be defined there, one table row per id, and every file and test it
 * names as proof must exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SECURITY_DOC = 'docs/security.md'
const SCANNED = ['src', 'dev', 'e2e', 'docs']
const SKIPPED_FOLDERS = new Set(['node_modules', 'results', 'test-results', 'playwright-report'])
const TEXT_FILE = /\.(ts|tsx|js|mjs|html|css|md|json)$/

/** `SEC-07`, or a range `SEC-30..33` (both ends included). */
const CITATION = /\bSEC-(\d{2})(?:\.\.(\d{2}))?\b/g
/** A row of the controls table: `| SEC-07 | … |`. */
const DEFINITION = /^\|\s*(SEC-\d{2})\s*\|/gm
/** A file named in the document, in backticks. */
const NAMED_FILE = /`((?:src|dev|e2e|docs)\/[\w./-]+\.(?:ts|tsx|md|html))`/g
/** A test named in the document: its file in backticks, then “a fragment of its title”. */
const NAMED_TEST = /`((?:src|dev|e2e)\/[\w./-]+\.(?:ts|tsx))`\s*((?:“[^”]+”\s*)+)/g

function filesUnder(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(folder, entry.name)
    if (entry.isDirectory()) {
      return SKIPPED_FOLDERS.has(entry.name) || entry.name.startsWith('.')
        ? []
        : filesUnder(relative)
    }
    return TEXT_FILE.test(entry.name) && relative !== SECURITY_DOC ? [relative] : []
  })
}

function idOf(number: number): string {
  return `SEC-${String(number).padStart(2, '0')}`
}

/** Every id cited outside docs/security.md, with the files that cite it. */
function citedIds(): Map<string, string[]> {
  const cited = new Map<string, string[]>()
  for (const file of SCANNED.flatMap(filesUnder)) {
    for (const [, from = '', to] of readFileSync(path.join(ROOT, file), 'utf8').matchAll(
      CITATION,
    )) {
      const first = Number(from)
      const last = to === undefined ? first : Number(to)
      for (let number = first; number <= last; number++) {
        cited.set(idOf(number), [...(cited.get(idOf(number)) ?? []), file])
      }
    }
  }
  return cited
}

function securityDoc(): string {
  const file = path.join(ROOT, SECURITY_DOC)
  if (!existsSync(file)) throw new Error(`${SECURITY_DOC} does not exist`)
  return readFileSync(file, 'utf8')
}

describe(SECURITY_DOC, () => {
  it('defines every SEC id that src/, dev/, e2e/ and docs/ cite', () => {
    const defined = new Set([...securityDoc().matchAll(DEFINITION)].map(([, id]) => id))
    const undefinedIds = [...citedIds()]
      .filter(([id]) => !defined.has(id))
      .map(([id, files]) => `${id} (cited in ${[...new Set(files)].join(', ')})`)
    expect(undefinedIds).toEqual([])
  })

  it('defines each id once, in order', () => {
    const ids = [...securityDoc().matchAll(DEFINITION)].map(([, id = '']) => id)
    expect(ids.length).toBeGreaterThan(40)
    expect(ids).toEqual([...new Set(ids)].sort())
  })

  it('names only files that exist', () => {
    const named = [...securityDoc().matchAll(NAMED_FILE)].map(([, file = '']) => file)
    expect(named.length).toBeGreaterThan(40)
    expect(named.filter((file) => !existsSync(path.join(ROOT, file)))).toEqual([])
  })

  it('names only tests that exist, by a fragment of their title', () => {
    const named = [...securityDoc().matchAll(NAMED_TEST)].flatMap(([, file = '', titles = '']) =>
      [...titles.matchAll(/“([^”]+)”/g)].map(([, title = '']) => ({ file, title })),
    )
    expect(named.length).toBeGreaterThan(40)
    const missing = named.filter(
      ({ file, title }) =>
        !existsSync(path.join(ROOT, file)) ||
        !readFileSync(path.join(ROOT, file), 'utf8').includes(title),
    )
    expect(missing).toEqual([])
  })
})
