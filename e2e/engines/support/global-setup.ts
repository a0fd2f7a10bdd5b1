/**
 * Once per matrix run: says which engines run and which are skipped (and how to install them),
 * checks that the build is there, and starts one Xvfb for WebKit when there is no DISPLAY.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import type { TestProject } from 'vitest/node'

import { findEngines } from './find-engines'
import { startXvfb, type VirtualDisplay } from './xvfb'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The X display WebKit's MiniBrowser opens its windows on. */
    display: string | undefined
  }
}

const DIST_INDEX = fileURLToPath(new URL('../../../dist/index.html', import.meta.url))

let xvfb: VirtualDisplay | undefined

export async function setup(project: TestProject): Promise<void> {
  const { installed, missing } = findEngines()
  for (const engine of missing)
    console.log(`Engine matrix: ${engine.engine} skipped, ${engine.reason}`)
  if (installed.length === 0) return
  if (!existsSync(DIST_INDEX)) {
    throw new Error(
      'The engine matrix runs the built app: run `npx vite build --sourcemap hidden` first.',
    )
  }
  let display = process.env.DISPLAY
  const webkit = installed.find((engine) => engine.engine === 'webkit')
  if (webkit?.engine === 'webkit' && webkit.xvfb !== undefined) {
    xvfb = await startXvfb(webkit.xvfb)
    display = xvfb.display
  }
  for (const engine of installed) {
    const where =
      engine.engine === 'firefox'
        ? engine.executable
        : `${engine.driver} (display ${display ?? '?'})`
    console.log(`Engine matrix: ${engine.engine} runs, ${where}`)
  }
  project.provide('display', display)
}

export async function teardown(): Promise<void> {
  await xvfb?.stop()
}
