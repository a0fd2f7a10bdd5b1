import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findProgram, isExecutableFile } from './find-program'

describe('findProgram', () => {
  let root: string
  let bin: string
  let sbin: string
  const search = () => ({
    envVar: 'TOOL_PATH',
    paths: [path.join(sbin, 'tool')],
    names: ['tool', 'tool-alt'],
  })

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'find-program-'))
    bin = path.join(root, 'bin')
    sbin = path.join(root, 'sbin')
    await mkdir(bin)
    await mkdir(sbin)
    await writeFile(path.join(bin, 'tool-alt'), '#!/bin/sh\n')
    await chmod(path.join(bin, 'tool-alt'), 0o755)
    await writeFile(path.join(bin, 'not-executable'), '')
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('looks in PATH, by each name, when nothing else names it', () => {
    expect(findProgram(search(), { PATH: `/nonexistent${path.delimiter}${bin}` })).toEqual({
      found: true,
      path: path.join(bin, 'tool-alt'),
      how: 'PATH',
    })
  })

  it('prefers a well-known path to PATH', () => {
    const isExecutable = (file: string) => file === path.join(sbin, 'tool') || file.startsWith(bin)

    expect(findProgram(search(), { PATH: bin }, isExecutable)).toEqual({
      found: true,
      path: path.join(sbin, 'tool'),
      how: 'system',
    })
  })

  it('takes the variable when it is set, and only the variable', () => {
    const file = path.join(bin, 'tool-alt')
    expect(findProgram(search(), { TOOL_PATH: file })).toEqual({
      found: true,
      path: file,
      how: 'TOOL_PATH',
    })

    const wrong = path.join(bin, 'not-executable')
    expect(findProgram(search(), { TOOL_PATH: wrong, PATH: bin })).toEqual({
      found: false,
      reason: `TOOL_PATH is "${wrong}", which is not an executable file`,
      misconfigured: true,
    })
  })

  it('says where it looked when there is none', () => {
    const lookup = findProgram(search(), { PATH: '/nonexistent' })

    expect(lookup).toEqual({
      found: false,
      reason: `none found (TOOL_PATH unset; looked at ${path.join(sbin, 'tool')}, tool, tool-alt in PATH)`,
      misconfigured: false,
    })
  })
})

describe('isExecutableFile', () => {
  it('is false for a device (a program hidden by a bind mount of /dev/null) and a folder', () => {
    expect(isExecutableFile('/dev/null')).toBe(false)
    expect(isExecutableFile(tmpdir())).toBe(false)
    expect(isExecutableFile(process.execPath)).toBe(true)
  })
})
