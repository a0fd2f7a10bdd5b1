/**
 * The bench's emulated network: a round trip on every request that reaches a server (Chromium's
 * network emulation; loopback has none), and one more for a request on a new connection (the
 * bench's handshake proxy), in a browser with a normal profile, where preconnect hints work.
 */
import type { BrowserContext, Page } from '@playwright/test'

import { startHandshakeProxy } from './handshake-proxy'
import { normalProfileContext } from './normal-profile'

/** A round trip on a real network, which the emulated-network flows add to every request. */
export const EMULATED_RTT_MS = 50

/**
 * From now on, every request of the page's tab that reaches a server takes `latencyMs` longer
 * (Chromium's network emulation; cached files still come from the cache).
 */
export async function emulateRoundTrips(page: Page): Promise<(latencyMs: number) => Promise<void>> {
  const session = await page.context().newCDPSession(page)
  await session.send('Network.enable')
  return async (latencyMs) => {
    await session.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: latencyMs,
      downloadThroughput: -1,
      uploadThroughput: -1,
    })
  }
}

export interface EmulatedNetworkContext {
  readonly context: BrowserContext
  /** Ends every connection the browser holds, as a network does over time. */
  dropConnections(): void
}

/**
 * A normal-profile browser whose new connections cost a round trip of `rttMs` more than the
 * requests that reuse one, once `emulateRoundTrips` slows its tab. Closing the context stops the
 * proxy.
 */
export async function emulatedNetworkContext(rttMs: number): Promise<EmulatedNetworkContext> {
  // Chromium's emulated latency counts from when the request has its connection: one held a
  // round trip costs its request one round trip more, as TCP's handshake does.
  const proxy = await startHandshakeProxy(rttMs)
  try {
    const context = await normalProfileContext(proxy.url)
    context.once('close', () => {
      proxy.close().catch(() => undefined)
    })
    return {
      context,
      dropConnections: () => {
        proxy.dropConnections()
      },
    }
  } catch (error) {
    await proxy.close()
    throw error
  }
}
