/**
 * The nginx the e2e project "nginx" serves the app with: `NGINX_PATH`, else `/usr/sbin/nginx`
 * (Debian's, often outside a user's PATH), else `nginx` in PATH. Only looks: where there is
 * none, playwright.config.ts leaves the project out and says so (.ci/run installs it).
 */
import { findProgram, type ProgramLookup } from '../../dev/testing/find-program'

export function locateNginx(env = process.env): ProgramLookup {
  return findProgram({ envVar: 'NGINX_PATH', paths: ['/usr/sbin/nginx'], names: ['nginx'] }, env)
}
