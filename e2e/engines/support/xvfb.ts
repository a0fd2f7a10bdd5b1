/**
 * A virtual X display for WebKitGTK's MiniBrowser, which has no headless mode. Xvfb picks a free
 * display number itself (`-displayfd`) and says which on a pipe.
 */
import { spawn } from 'node:child_process'

export interface VirtualDisplay {
  /** For DISPLAY, e.g. `:99`. */
  readonly display: string
  stop(): Promise<void>
}

export async function startXvfb(executable: string): Promise<VirtualDisplay> {
  const xvfb = spawn(
    executable,
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  )
  const [, , stderr, displayPipe] = xvfb.stdio
  let errors = ''
  stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  const number = await new Promise<string>((resolve, reject) => {
    let text = ''
    displayPipe?.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      if (text.includes('\n')) resolve(text.trim())
    })
    xvfb.once('error', reject)
    xvfb.once('exit', (code) => {
      reject(new Error(`Xvfb exited with code ${String(code)} before it had a display: ${errors}`))
    })
  })
  return {
    display: `:${number}`,
    async stop() {
      if (xvfb.exitCode !== null) return
      const exited = new Promise((resolve) => xvfb.once('exit', resolve))
      xvfb.kill('SIGTERM')
      await exited
    },
  }
}
