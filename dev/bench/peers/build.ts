/**
 * The peers the bench measures Tessera against (a folder each beside this file), and their
 * builds: each for its own stack, whose config goes into its bundle.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import react from '@vitejs/plugin-react'
import { build } from 'vite'

import { reactRouterProduction } from '../../../vite.config'
import type { DevStack } from '../../config'
import { type Size, sizeOf } from '../bundle-size'
import type { PeerConfig } from './peer-auth'

function version(pkg: string): string {
  const manifest = readFileSync(fileURLToPath(import.meta.resolve(`${pkg}/package.json`)), 'utf8')
  return (JSON.parse(manifest) as { version: string }).version
}

export interface Peer {
  /** Its folder beside this file. */
  readonly folder: string
  /** The auth libraries and their versions. */
  readonly name: string
  /** A short name for table headings and the chart. */
  readonly label: string
  /** The provider profile its stack plays (dev/profiles/). */
  readonly profile: string
}

export const PEERS: readonly Peer[] = [
  {
    folder: 'react-oidc-context',
    label: 'react-oidc-context',
    name: `react-oidc-context ${version('react-oidc-context')} + oidc-client-ts ${version('oidc-client-ts')}`,
    profile: 'generic',
  },
  {
    folder: 'auth0',
    label: 'auth0-react',
    name: `auth0-react ${version('@auth0/auth0-react')} + auth0-spa-js ${version('@auth0/auth0-spa-js')}`,
    // auth0-spa-js hard-codes Auth0's paths (/authorize, /oauth/token, /v2/logout) and issuer.
    profile: 'auth0',
  },
]

/** Builds `peer` into `outDir` for `stack` (its profile applied: the issuer it names). */
export async function buildPeer(peer: Peer, stack: DevStack, outDir: string): Promise<void> {
  const config: PeerConfig = {
    // auth0-spa-js's `domain` is the origin; it appends the trailing slash Auth0's issuer has.
    authority: peer.profile === 'auth0' ? new URL(stack.issuer).origin : stack.issuer,
    clientId: stack.clientId,
    apiUrl: stack.apiUrl,
    apiScope: stack.apiScopes[0] ?? '',
  }
  await build({
    root: fileURLToPath(new URL(peer.folder, import.meta.url)),
    configFile: false,
    logLevel: 'warn',
    // The same react-router build as Tessera's: the comparison is of the auth layers.
    resolve: { alias: [reactRouterProduction] },
    plugins: [react()],
    define: { __PEER__: JSON.stringify(config) },
    build: { outDir, emptyOutDir: true, target: 'es2022', modulePreload: { polyfill: false } },
  })
}

/** A peer's first-load JS: every chunk it emits (one, as built). */
export function peerFirstLoad(dist: string): Size {
  const assets = join(dist, 'assets')
  const js = readdirSync(assets).filter((file) => file.endsWith('.js'))
  return sizeOf(Buffer.concat(js.map((file) => readFileSync(join(assets, file)))))
}
