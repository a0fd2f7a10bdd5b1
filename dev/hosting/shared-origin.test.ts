// @vitest-environment node
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { sharedOriginWarning } from './shared-origin'

const CONFIG = {
  authority: 'https://login.example.test',
  clientId: 'tessera-spa',
  scopes: ['openid'],
  apis: { demo: { baseUrl: 'https://api.example.test', scopes: ['api:read'] } },
}
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url))
const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url))

describe('sharedOriginWarning', () => {
  it('says nothing for an app at the root of its origin', () => {
    expect(sharedOriginWarning('/', CONFIG)).toBeUndefined()
  })

  it('names what a sub-path shares with the other apps of the origin, in one paragraph', () => {
    const warning = sharedOriginWarning('/repo/', CONFIG) ?? ''
    expect(warning).toMatch(/^hosting: warning: --base \/repo\/ suggests an origin shared/)
    expect(warning).not.toMatch(/\n\s*\n/)
    const text = warning.replace(/\s+/g, ' ')
    // The channel auth-client.ts opens, and what its tabs send on it (tab-sync.ts).
    expect(text).toContain('BroadcastChannel "tessera:https://login.example.test|tessera-spa"')
    expect(text).toContain('whole session (ID, access and refresh tokens)')
    for (const shared of ['Web Locks', 'IndexedDB', 'sessionStorage', 'an origin of its own']) {
      expect(text).toContain(shared)
    }
    expect(text).toContain('docs/security.md')
  })
})

describe('npm run hosting', () => {
  let work: string

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'hosting-main-'))
    await mkdir(path.join(work, 'dist', 'assets'), { recursive: true })
    const index =
      '<!doctype html><head><meta charset="UTF-8" />' +
      '<script type="module" crossorigin src="/assets/index-Ab12.js"></script></head>'
    await writeFile(path.join(work, 'dist', 'index.html'), index)
    await writeFile(path.join(work, 'dist', 'silent-callback.html'), '<meta charset="UTF-8" />')
    await writeFile(path.join(work, 'dist', 'config.json'), JSON.stringify(CONFIG))
  })

  afterAll(async () => {
    await rm(work, { recursive: true, force: true })
  })

  function hosting(base: string): Promise<{ code: number | null; stderr: string }> {
    const args = [
      '--base',
      base,
      '--dist',
      path.join(work, 'dist'),
      '--out',
      path.join(work, 'out'),
    ]
    // From the repository, where `--import tsx` resolves.
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      cwd: REPOSITORY,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    return new Promise((resolve, reject) => {
      child.once('error', reject)
      child.once('close', (code) => {
        resolve({ code, stderr })
      })
    })
  }

  it('warns on stderr when the base path suggests a shared origin, and still writes the kit', async () => {
    const { code, stderr } = await hosting('/repo/')
    expect(code).toBe(0)
    expect(stderr).toBe(`\n${sharedOriginWarning('/repo/', CONFIG) ?? 'no warning'}\n`)
    const page = await readFile(path.join(work, 'out', 'github-pages', '404.html'), 'utf8')
    expect(page).toContain('src="/repo/assets/index-Ab12.js"')
  })

  it('does not warn for an app at the root of its origin', async () => {
    const { code, stderr } = await hosting('/')
    expect(code).toBe(0)
    expect(stderr).toBe('')
  })
})
