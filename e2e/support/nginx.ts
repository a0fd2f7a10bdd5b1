/**
 * Finds the nginx the e2e project "nginx" serves the app with: `NGINX_PATH`, else
 * `/usr/sbin/nginx`, else Debian's package installed on the spot (as root on Debian); otherwise
 * it fails with what to do. Like ./chromium.ts does for the browser.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const SYSTEM_NGINX = '/usr/sbin/nginx'

function report(line: string): void {
  if (process.env.TEST_WORKER_INDEX === undefined) console.log(line)
}

function run(command: string, args: readonly string[]): boolean {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  return result.error === undefined && result.status === 0
}

let found: string | undefined

export function findNginx(): string {
  if (found !== undefined) return found
  const fromEnv = process.env.NGINX_PATH
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!existsSync(fromEnv)) {
      throw new Error(`NGINX_PATH is set to "${fromEnv}", but there is no file there.`)
    }
    report(`nginx: ${fromEnv} (from NGINX_PATH)`)
    found = fromEnv
    return found
  }
  if (existsSync(SYSTEM_NGINX)) {
    report(`nginx: ${SYSTEM_NGINX} (system)`)
    found = SYSTEM_NGINX
    return found
  }
  if (process.getuid?.() === 0 && existsSync('/etc/debian_version')) {
    report('nginx: none found, installing Debian package "nginx" with apt-get')
    // The package's service is never started: the e2e stack runs its own nginx in the foreground.
    const installed =
      run('apt-get', ['install', '-y', '--no-install-recommends', 'nginx']) ||
      (run('apt-get', ['update']) &&
        run('apt-get', ['install', '-y', '--no-install-recommends', 'nginx']))
    if (installed && existsSync(SYSTEM_NGINX)) {
      found = SYSTEM_NGINX
      return found
    }
  }
  throw new Error(
    'The e2e project "nginx" needs nginx and none was found. Install it (Debian: ' +
      '"apt-get install nginx") or set NGINX_PATH to an nginx binary.',
  )
}
