/** Builds the peer app (dev/bench/peer/) for one stack: its config goes into the bundle. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import react from '@vitejs/plugin-react'
import { build } from 'vite'

import { reactRouterProduction } from '../../../vite.config'
import type { DevStack } from '../../config'
import { type Size, sizeOf } from '../bundle-size'

const ROOT = fileURLToPath(new URL('.', import.meta.url))

function version(pkg: string): string {
  const manifest = readFileSync(fileURLToPath(import.meta.resolve(`${pkg}/package.json`)), 'utf8')
  return (JSON.parse(manifest) as { version: string }).version
}

/** What the bench measures Tessera against, in the same run. */
export const PEER = {
  name: `react-oidc-context ${version('react-oidc-context')} + oidc-client-ts ${version('oidc-client-ts')}`,
} as const

export async function buildPeer(stack: DevStack, outDir: string): Promise<void> {
  const peer = {
    authority: stack.issuer,
    clientId: stack.clientId,
    apiUrl: stack.apiUrl,
    apiScope: stack.apiScopes[0] ?? '',
  }
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    // The same react-router build as Tessera's: the comparison is of the auth layers.
    resolve: { alias: [reactRouterProduction] },
    plugins: [react()],
    define: { __PEER__: JSON.stringify(peer) },
    build: { outDir, emptyOutDir: true },
  })
}

/** The peer's first-load JS: every chunk it emits (one, as built). */
export function peerFirstLoad(dist: string): Size {
  const assets = join(dist, 'assets')
  const js = readdirSync(assets).filter((file) => file.endsWith('.js'))
  return sizeOf(Buffer.concat(js.map((file) => readFileSync(join(assets, file)))))
}
