// `npm start -- --config <file>` as a user runs it: the app alone, with the file's config.json.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

const START = fileURLToPath(new URL('../start.ts', import.meta.url))
const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url))

/** Ports of this file's runs, apart from every other suite's; TESSERA_PORT_OFFSET applies. */
const PORTS = { TESSERA_IDP_PORT: '9780', TESSERA_APP_PORT: '9783' }
const offset = Number(process.env.TESSERA_PORT_OFFSET ?? '') || 0
const idpPort = Number(PORTS.TESSERA_IDP_PORT) + offset

/** A provider and APIs nobody can reach: the app must still be served. */
const CONFIG = {
  authority: 'https://provider.invalid/tenant',
  clientId: 'my-spa',
  scopes: ['openid', 'offline_access'],
  apis: {
    demo: { baseUrl: 'https://demo-api.invalid', scopes: ['demo.read'] },
    notes: { baseUrl: 'https://notes-api.invalid/v1', scopes: ['notes.read'] },
  },
}

interface Run {
  readonly child: ChildProcess
  output(): string
  exited(): Promise<number | null>
}

const runs: ChildProcess[] = []

function startWithConfig(file: string): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', START, '--config', file], {
    cwd: REPOSITORY,
    env: { ...process.env, ...PORTS },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  runs.push(child)
  let output = ''
  const append = (chunk: Buffer) => (output += chunk.toString('utf8'))
  child.stdout.on('data', append)
  child.stderr.on('data', append)
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { child, output: () => output, exited: () => exit }
}

async function banner(run: Run): Promise<string> {
  const deadline = Date.now() + 30_000
  while (!run.output().includes('Press Ctrl-C to stop.')) {
    if (run.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`npm start -- --config did not come up. Its output:\n${run.output()}`)
    }
    await sleep(50)
  }
  return run.output()
}

describe('npm start -- --config <file>', () => {
  let folder: string
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'own-config-'))
  })
  afterEach(() => {
    for (const child of runs.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
  })
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('serves the app with that config.json, no local provider, at the URL it prints', async () => {
    const file = path.join(folder, 'unreachable.json')
    await writeFile(file, JSON.stringify(CONFIG, null, 2))
    const run = startWithConfig(file)

    const printed = await banner(run)
    const appUrl = /Open the app at (\S+)/.exec(printed)?.[1] ?? 'no URL printed'
    expect(appUrl).toMatch(/^http:\/\/localhost:\d+\/$/)
    expect(printed).toContain(`Redirect URI              ${appUrl}auth/callback`)

    const page = await fetch(new URL('tasks', appUrl))
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('<div id="root"></div>')
    const csp = page.headers.get('Content-Security-Policy') ?? ''
    expect(csp).toContain(
      "connect-src 'self' https://demo-api.invalid https://notes-api.invalid https://provider.invalid",
    )
    // What Vite writes inline (React Refresh's preamble) and injects later (styles, from the
    // meta tag) carries the CSP's nonce, or the dev server's own page would be refused.
    const nonce = /script-src 'self' 'nonce-([\w-]+)'/.exec(csp)?.[1] ?? 'no nonce in the CSP'
    const inlineScripts = html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? []
    expect(inlineScripts.length).toBeGreaterThan(0)
    for (const tag of inlineScripts) expect(tag).toContain(`nonce="${nonce}"`)
    expect(html).toContain(`<meta property="csp-nonce" nonce="${nonce}">`)
    expect(await (await fetch(new URL('config.json', appUrl))).json()).toEqual(CONFIG)
    await expect(fetch(`http://127.0.0.1:${String(idpPort)}/`)).rejects.toThrow()

    run.child.kill('SIGINT')
    expect(await run.exited()).toBe(0)
    expect(run.output().split('\n')).toContain('Stopped.')
  }, 60_000)

  it('starts nothing for a file with problems, and lists each with its key', async () => {
    const file = path.join(folder, 'invalid.json')
    await writeFile(file, JSON.stringify({ ...CONFIG, authority: 'http://provider.example' }))
    const run = startWithConfig(file)

    expect(await run.exited()).toBe(1)
    expect(run.output()).toContain(
      '  - authority: must use https (plain http is only allowed for localhost/127.0.0.1)',
    )
    expect(run.output()).not.toContain('Tessera is ready')
  }, 30_000)
})
