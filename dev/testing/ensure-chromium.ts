/**
 * `npm run test:e2e`'s first step: a Chromium for Playwright, installed if there is none
 * (e2e/support/chromium.ts). Here and not in playwright.config.ts, whose loading must never
 * install anything.
 */
import { ensureChromium } from '../../e2e/support/chromium'

try {
  ensureChromium()
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  console.error(
    'Set CHROMIUM_PATH to a Chromium, or install one (Debian: apt-get install chromium).',
  )
  process.exit(1)
}
