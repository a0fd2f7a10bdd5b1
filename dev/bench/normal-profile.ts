import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { type BrowserContext, chromium } from '@playwright/test'

import { CHROMIUM_ARGS, ensureChromium } from '../../e2e/support/chromium'

/**
 * A browser with a fresh profile on disk, as a user's window has. Playwright's contexts are
 * incognito, where Chromium ignores preconnect hints, so what they save on a real network needs
 * one of these. `proxy`: a proxy every request goes through, loopback included. Closing the
 * context removes its profile.
 */
export async function normalProfileContext(proxy?: string): Promise<BrowserContext> {
  const profile = await mkdtemp(join(tmpdir(), 'tessera-bench-profile-'))
  const executablePath = ensureChromium()
  const context = await chromium.launchPersistentContext(profile, {
    args: CHROMIUM_ARGS,
    ...(executablePath ? { executablePath } : {}),
    // Playwright then also proxies loopback, which Chromium otherwise never does.
    ...(proxy ? { proxy: { server: proxy } } : {}),
  })
  context.once('close', () => {
    // Chromium may still be writing the profile as it exits: retry, and leave it to the OS's
    // temp cleanup if it still will not go.
    rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(
      () => undefined,
    )
  })
  return context
}
