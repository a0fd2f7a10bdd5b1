/**
 * The local stack with the built app served by a real nginx, through the hosting kit: copies
 * dist/ to a private folder with the stack's config.json, prepares it exactly as
 * `npm run hosting` does (index.html pinned to TESSERA_BASE_PATH, the kit's nginx server block
 * listening on 127.0.0.1:TESSERA_APP_PORT), and runs nginx in the foreground beside the local
 * provider and APIs. The e2e project "nginx" starts it; NGINX_PATH names the nginx binary.
 */
import { chmod, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { startDemoApi, startNotesApi } from '../api/server'
import { devStack, HOST } from '../config'
import type { RunningServer } from '../config'
import { startIdentityProvider } from '../idp/server'
import { profileOf } from '../profiles'
import { stopOnSignal } from '../stop-on-signal'
import { pinBasePath } from './index-html'
import { otherDocuments } from './dist-documents'
import { hostingKit } from './kit'
import { startNginx } from './nginx-process'
import { hostingPolicy } from './policy'

const DIST = fileURLToPath(new URL('../../dist', import.meta.url))

const nginxPath = process.env.NGINX_PATH ?? '/usr/sbin/nginx'
const stack = devStack()
const config = profileOf(stack).appConfig(stack)

const workDir = await mkdtemp(path.join(tmpdir(), 'tessera-nginx-'))
const site = path.join(workDir, 'site')
const servers: RunningServer[] = []
const cleanUp = async () => {
  for (const server of [...servers].reverse()) await server.close()
  await rm(workDir, { recursive: true, force: true })
}

try {
  await cp(DIST, site, { recursive: true })
  await chmod(workDir, 0o755)
  await writeFile(path.join(site, 'config.json'), JSON.stringify(config))
  const indexHtml = pinBasePath(
    await readFile(path.join(site, 'index.html'), 'utf8'),
    stack.basePath,
  )
  await writeFile(path.join(site, 'index.html'), indexHtml)
  const kit = hostingKit({
    // Exactly the production kit's file, HSTS included (browsers ignore it over loopback http).
    policy: hostingPolicy({ config, basePath: stack.basePath, tls: true }),
    indexHtml,
    documents: await otherDocuments(site),
    nginx: { listen: `${HOST}:${String(stack.appPort)}`, root: site },
  })
  const serverBlock = kit.get('nginx/tessera.conf')
  if (serverBlock === undefined) throw new Error('the hosting kit has no nginx server block')

  servers.push(await startIdentityProvider(stack))
  servers.push(await startDemoApi(stack))
  servers.push(await startNotesApi(stack))
  servers.push(
    await startNginx({
      nginxPath,
      workDir: path.join(workDir, 'nginx'),
      serverBlock,
      readyUrl: `${stack.appOrigin}${stack.basePath}config.json`,
    }),
  )
} catch (error) {
  console.error('Could not start the nginx stack:', error)
  await cleanUp()
  process.exit(1)
}
console.log(`nginx serves ${stack.appOrigin}${stack.basePath} (provider ${stack.issuer})`)
stopOnSignal('nginx stack', [{ url: stack.appOrigin, close: cleanUp }])
