import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { checkConfigFile, checkConfigText, describeProblems } from './check-config-file'

const VALID = {
  authority: 'https://login.example.test',
  clientId: 'my-spa',
  scopes: ['openid', 'offline_access'],
  apis: {
    demo: { baseUrl: 'https://demo.example.test', scopes: ['demo.read'] },
    notes: { baseUrl: 'https://notes.example.test', scopes: ['notes.read'] },
  },
}

function problemsOf(input: unknown): string[] {
  const check = checkConfigText(typeof input === 'string' ? input : JSON.stringify(input))
  return check.ok ? [] : check.problems.map(({ path, message }) => `${path}: ${message}`)
}

describe('checkConfigText', () => {
  it('accepts a config.json the app accepts, keeping the object as written', () => {
    const check = checkConfigText(JSON.stringify(VALID))

    expect(check.ok).toBe(true)
    if (!check.ok) return
    expect(check.json).toEqual(VALID)
    expect(check.config.renewal).toBe('auto')
  })

  it('lists every problem the app would show, each with its key', () => {
    const problems = problemsOf({
      ...VALID,
      authority: 'http://login.example.test',
      clientId: '',
      scopes: ['profile'],
      renewal: 'sometimes',
    })

    expect(problems).toEqual([
      'authority: must use https (plain http is only allowed for localhost/127.0.0.1)',
      'clientId: must not be empty',
      'scopes: must include "openid"',
      'renewal: must be "auto", "refresh-token" or "iframe"',
    ])
  })

  it('names an API a page calls that the file lacks, with the page', () => {
    const { notes: _notes, ...apis } = VALID.apis

    expect(problemsOf({ ...VALID, apis })).toEqual([
      'apis.notes: missing: the page /notes (Notes) calls the API "notes"; add its baseUrl and scopes',
    ])
  })

  it('says where the JSON breaks', () => {
    const [problem] = problemsOf('{\n  "authority": "https://x.example"\n  "clientId": "a"\n}')

    expect(problem).toMatch(/^: is not valid JSON: .* \(line 3, column 3\)$/)
  })
})

describe('checkConfigFile', () => {
  let folder: string
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'config-check-'))
  })
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('reads the file it is given', async () => {
    const file = path.join(folder, 'config.json')
    await writeFile(file, JSON.stringify({ ...VALID, clientId: 7 }))

    expect(await checkConfigFile(file)).toEqual({
      ok: false,
      problems: [{ path: 'clientId', message: 'must be a string' }],
    })
  })

  it('says a file is missing', async () => {
    expect(await checkConfigFile(path.join(folder, 'nowhere.json'))).toEqual({
      ok: false,
      problems: [{ path: '', message: 'does not exist' }],
    })
  })
})

describe('describeProblems', () => {
  it('gives one line per key, then what to do', () => {
    const text = describeProblems('my.json', [
      { path: '', message: 'is not valid JSON' },
      { path: 'apis.demo.baseUrl', message: 'must use https' },
    ])

    expect(text.split('\n').slice(0, 3)).toEqual([
      'my.json has 2 problems:',
      '  - the file: is not valid JSON',
      '  - apis.demo.baseUrl: must use https',
    ])
    expect(text).toContain('npm start -- --config')
    expect(describeProblems('my.json', [{ path: 'x', message: 'y' }])).toMatch(
      /^my\.json has a problem:\n/,
    )
  })
})
