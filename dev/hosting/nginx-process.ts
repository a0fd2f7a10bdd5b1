/**
 * Runs a real nginx with a generated server block, the way a test needs it: a foreground child
 * process (no daemon, no master/worker split, so no user switch and one pid to stop), with its
 * own prefix, pid, logs and temp folders in a private directory, and nothing else of the
 * system's nginx configuration but its MIME types.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

import type { RunningServer } from '../config'

export interface NginxProcessOptions {
  /** The nginx executable. */
  readonly nginxPath: string
  /** A private, empty-ish folder for configuration, pid, logs and temp files. */
  readonly workDir: string
  /** The `server { … }` block to serve (the hosting kit's nginx/tessera.conf). */
  readonly serverBlock: string
  /** What to wait for before resolving: a URL answered by the server block. */
  readonly readyUrl: string
}

/** Where Debian (and most builds) keep the MIME type map; a small one otherwise. */
const SYSTEM_MIME_TYPES = '/etc/nginx/mime.types'
const FALLBACK_MIME_TYPES = `types {
    text/html html;
    text/css css;
    text/javascript js mjs;
    application/json json map;
    image/svg+xml svg;
    image/png png;
    image/x-icon ico;
    font/woff2 woff2;
}`

function mainConfiguration(workDir: string): string {
  const at = (name: string) => path.join(workDir, name)
  const types = existsSync(SYSTEM_MIME_TYPES)
    ? `include ${SYSTEM_MIME_TYPES};`
    : FALLBACK_MIME_TYPES
  return `daemon off;
master_process off;
pid ${at('nginx.pid')};
error_log stderr warn;
events {
    worker_connections 256;
}
http {
    ${types}
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path ${at('temp/client_body')};
    proxy_temp_path ${at('temp/proxy')};
    fastcgi_temp_path ${at('temp/fastcgi')};
    uwsgi_temp_path ${at('temp/uwsgi')};
    scgi_temp_path ${at('temp/scgi')};
    include ${at('tessera.conf')};
}
`
}

async function waitUntilServing(url: string, exited: () => string | undefined): Promise<void> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const exit = exited()
    if (exit !== undefined) throw new Error(`nginx exited before serving ${url} (${exit})`)
    try {
      await fetch(url, { redirect: 'manual' })
      return
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer ${url} within 15 s`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

/** Starts nginx in the foreground; `close()` stops it (SIGQUIT: finish requests, then exit). */
export async function startNginx(options: NginxProcessOptions): Promise<RunningServer> {
  const { workDir } = options
  await mkdir(path.join(workDir, 'temp'), { recursive: true })
  await writeFile(path.join(workDir, 'tessera.conf'), options.serverBlock)
  const confFile = path.join(workDir, 'nginx.conf')
  await writeFile(confFile, mainConfiguration(workDir))

  // -e: the error log before the configuration is read, so nginx never opens /var/log/nginx.
  const args = ['-p', `${workDir}/`, '-c', confFile, '-e', 'stderr']
  const child = spawn(options.nginxPath, args, { stdio: ['ignore', 'inherit', 'inherit'] })
  let exit: string | undefined
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = signal === null ? `exit code ${String(code)}` : `signal ${signal}`
      resolve()
    })
    child.once('error', (error) => {
      exit = error.message
      resolve()
    })
  })
  try {
    await waitUntilServing(options.readyUrl, () => exit)
  } catch (error) {
    child.kill('SIGKILL')
    const config = await readFile(path.join(workDir, 'tessera.conf'), 'utf8').catch(() => '')
    throw new Error(`${String(error)}\nserver block:\n${config}`, { cause: error })
  }
  return {
    url: options.readyUrl,
    close: async () => {
      if (exit !== undefined) return
      child.kill('SIGQUIT')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    },
  }
}
