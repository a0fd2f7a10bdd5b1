/**
 * The reusable auth layer (docs/auth-api.md) stands on its own: type-checked alone, src/auth and
 * src/api/client reach nothing of the app (pages, routes, bootstrap, example) — only the config
 * types they are made from and the shared UsageError.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const ALLOWED = [/^src\/auth\//, /^src\/api\/client\//, /^src\/config\//, /^src\/errors\.ts$/]

describe('the auth layer (src/auth, src/api/client)', () => {
  it('type-checks alone, and reaches nothing of the app', () => {
    const tsc = path.join(ROOT, 'node_modules/.bin/tsc')
    const project = path.join(ROOT, 'src/auth/tsconfig.json')
    // Throws (and fails the test) on any type error.
    execFileSync(tsc, ['--noEmit', '-p', project], { cwd: ROOT })
    const files = execFileSync(tsc, ['-p', project, '--listFilesOnly'], { cwd: ROOT })
      .toString()
      .split('\n')
      .map((file) => path.relative(ROOT, file.trim()))
      .filter((file) => file.startsWith('src/'))

    expect(files.length).toBeGreaterThan(40)
    expect(files.filter((file) => !ALLOWED.some((allowed) => allowed.test(file)))).toEqual([])
  }, 60_000)
})
