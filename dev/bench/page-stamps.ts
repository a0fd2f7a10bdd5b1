/**
 * When a page reached a milestone, measured without disturbing it. Playwright's locators and
 * `waitForFunction` evaluate Playwright's injected script in every new document they look at:
 * about 12 ms of main-thread work on this machine (seen in Chromium traces), landing at a
 * random point of the page's own critical path. The bench's flows end instead on stamps an init
 * script takes in the page, which the bench reads with a bare `Runtime.evaluate` of two
 * properties.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test'

import { API_ANSWER_REGION } from './browser-steps'

interface Stamps {
  /** `performance.now()` when the demo API's answer (the user's name) reached the DOM. */
  tesseraBenchApiAnswerAt?: number
  /** `performance.now()` when the banner first showed the user's name and "Sign out". */
  tesseraBenchSignedInAt?: number
}

export type Milestone = keyof Stamps

/** In every document of the context: stamps the milestones as the DOM reaches them. */
function stampMilestones({ name, answerRegion }: { name: string; answerRegion: string }): void {
  const page = window as unknown as Stamps
  new MutationObserver((_records, observer) => {
    if (page.tesseraBenchApiAnswerAt === undefined) {
      const region = document.querySelector(answerRegion)
      if (region?.textContent.includes(name)) page.tesseraBenchApiAnswerAt = performance.now()
    }
    if (page.tesseraBenchSignedInAt === undefined) {
      const banner = document.querySelector('header')
      const buttons = banner ? Array.from(banner.querySelectorAll('button')) : []
      // Tessera's account menu button, or a peer app's "Sign out".
      if (
        banner?.textContent.includes(name) &&
        buttons.some(
          (button) =>
            button.textContent.trim() === 'Sign out' ||
            button.getAttribute('aria-label')?.startsWith('Account: '),
        )
      ) {
        page.tesseraBenchSignedInAt = performance.now()
      }
    }
    if (page.tesseraBenchApiAnswerAt !== undefined && page.tesseraBenchSignedInAt !== undefined) {
      observer.disconnect()
    }
  }).observe(document, { subtree: true, childList: true, characterData: true })
}

export async function stampPages(context: BrowserContext, userName: string): Promise<void> {
  await context.addInitScript(stampMilestones, { name: userName, answerRegion: API_ANSWER_REGION })
}

const POLL_MS = 20

/**
 * Waits until the tab's current document on `origin` has reached `milestone`, and returns when
 * it did: epoch ms by the page's clock, so polling adds nothing to the time.
 */
export async function milestoneAt(
  page: Page,
  origin: string,
  milestone: Milestone,
  timeoutMs = 30_000,
): Promise<number> {
  const session: CDPSession = await page.context().newCDPSession(page)
  const expression = `location.origin === ${JSON.stringify(origin)} && typeof window.${milestone} === 'number' ? performance.timeOrigin + window.${milestone} : null`
  const deadline = Date.now() + timeoutMs
  try {
    while (Date.now() < deadline) {
      try {
        const { result } = await session.send('Runtime.evaluate', {
          expression,
          returnByValue: true,
        })
        if (typeof result.value === 'number') return result.value
      } catch {
        // Between two documents there is no context to evaluate in: try again.
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    }
  } finally {
    await session.detach().catch(() => undefined)
  }
  throw new Error(`${page.url()}: no ${milestone} within ${String(timeoutMs)} ms`)
}
