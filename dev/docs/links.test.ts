/**
 * Every relative link in the README and docs/ leads somewhere: the file exists, and an anchor
 * names a heading of it (GitHub's slugs). A renamed file or heading fails here, not for a reader.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

function markdownFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const file = path.join(dir, name)
    if (statSync(path.join(ROOT, file)).isDirectory()) return markdownFiles(file)
    return name.endsWith('.md') ? [file] : []
  })
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(path.join(ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '')
  const seen = new Map<string, number>()
  const anchors = new Set<string>()
  for (const [, heading] of text.matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = slug(heading ?? '')
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    anchors.add(count === 0 ? base : `${base}-${String(count)}`)
  }
  return anchors
}

/** Relative links of `file`, outside code: `[text](target)`. */
function linksOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '')
  return [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map(([, target]) => target ?? '')
    .filter((target) => !/^[a-z][\w+.-]*:/i.test(target))
}

function brokenLinks(file: string): string[] {
  return linksOf(file).flatMap((link) => {
    const [target = '', anchor] = link.split('#')
    const resolved = target === '' ? file : path.join(path.dirname(file), decodeURI(target))
    if (!existsSync(path.join(ROOT, resolved))) return [`${link} (no ${resolved})`]
    if (anchor === undefined || !resolved.endsWith('.md')) return []
    return anchorsOf(resolved).has(anchor) ? [] : [`${link} (no heading #${anchor})`]
  })
}

describe('links in the README and docs/', () => {
  it('makes GitHub’s anchors', () => {
    expect(slug('What the token layer does')).toBe('what-the-token-layer-does')
    expect(slug('Idle sign-out (shared devices)')).toBe('idle-sign-out-shared-devices')
    expect(slug('`signIn` options')).toBe('signin-options')
  })

  it.each(['README.md', ...markdownFiles('docs')])('%s: every relative link resolves', (file) => {
    expect(brokenLinks(file)).toEqual([])
  })
})
