import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'

import { afterEach, describe, expect, it } from 'vitest'

/** `npm start`'s ports in these tests, apart from every other suite's. */
const PORTS = {
  TESSERA_IDP_PORT: '9770',
  TESSERA_API_PORT: '9771',
  TESSERA_NOTES_API_PORT: '9772',
  TESSERA_APP_PORT: '9773',
}

/** Groups a test started, killed after it whatever happened. */
const running = new Set<number>()

interface Started {
  /** npm's pid, which is also its process group's id. */
  pgid: number
  output: () => string
}

/** `npm start` in a process group of its own, as a terminal runs it, once it printed its banner. */
async function npmStart(): Promise<Started> {
  const npm = spawn('npm', ['start'], {
    detached: true,
    env: { ...process.env, ...PORTS },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const pgid = npm.pid
  if (pgid === undefined) throw new Error('npm start has no pid')
  running.add(pgid)
  let output = ''
  const append = (chunk: Buffer) => (output += chunk.toString('utf8'))
  npm.stdout.on('data', append)
  npm.stderr.on('data', append)
  const deadline = Date.now() + 30_000
  while (!output.includes('Press Ctrl-C to stop.')) {
    if (npm.exitCode !== null || Date.now() > deadline) {
      throw new Error(`npm start did not come up. Its output:\n${output}`)
    }
    await sleep(50)
  }
  return { pgid, output: () => output }
}

/** The process group's members, the deepest (the script itself) first. */
function groupDeepestFirst(pgid: number): number[] {
  const parents = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue // exited meanwhile
    }
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses.
    const [, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(pgrp) === pgid) parents.set(Number(entry), Number(ppid))
  }
  const depth = (pid: number): number => {
    const parent = parents.get(pid)
    return parent !== undefined && parents.has(parent) ? 1 + depth(parent) : 0
  }
  return [...parents.keys()].sort((a, b) => depth(b) - depth(a))
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

async function groupEnded(pgid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs
  while (groupAlive(pgid)) {
    if (Date.now() > deadline) return false
    await sleep(50)
  }
  return true
}

describe.runIf(process.platform === 'linux')('npm start on Ctrl-C', () => {
  afterEach(() => {
    for (const pgid of running) if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL')
    running.clear()
  })

  it('closes every server and says so when the whole group gets it at once', async () => {
    const { pgid, output } = await npmStart()

    process.kill(-pgid, 'SIGINT')

    expect(await groupEnded(pgid, 10_000)).toBe(true)
    expect(output().split('\n')).toContain('Stopped.')
  }, 60_000)

  it('still closes cleanly when the processes see it one after another, deepest first', async () => {
    // A loaded machine schedules the group's processes in any order: the script may handle the
    // Ctrl-C well before npm (or a runner between them) passes on its own copy.
    const { pgid, output } = await npmStart()

    for (const pid of groupDeepestFirst(pgid)) {
      try {
        process.kill(pid, 'SIGINT')
      } catch {
        // already gone
      }
      await sleep(10)
    }

    expect(await groupEnded(pgid, 10_000)).toBe(true)
    const lines = output().split('\n')
    expect(lines).toContain('Stopped.')
    expect(lines.filter((line) => line.includes('again'))).toEqual([])
  }, 60_000)

  it('takes a copy npm passes on straight after as the same Ctrl-C', async () => {
    // Where `sh -c` execs the script (bash as sh does), npm's forwarded copy reaches it too.
    const { pgid, output } = await npmStart()
    const [script] = groupDeepestFirst(pgid)
    if (script === undefined) throw new Error('npm start has no processes')

    process.kill(script, 'SIGINT')
    await sleep(5)
    process.kill(script, 'SIGINT')

    expect(await groupEnded(pgid, 10_000)).toBe(true)
    expect(output().split('\n')).toContain('Stopped.')
  }, 60_000)
})
