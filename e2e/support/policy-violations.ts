/**
 * Every Content Security Policy or Trusted Types violation the app's documents report, in every
 * frame (the silent renewal iframe included) and across navigations: the
 * `securitypolicyviolation` events, the browser's console reports of them, and uncaught errors
 * (a Trusted Types sink throws a TypeError where it is used). Documents of other origins (the
 * provider's pages) are not the app's and are left out.
 */
import type { Page } from '@playwright/test'

const REPORTED_IN_CONSOLE = /Refused to|Content Security Policy|Trusted(?: ?Type|HTML|Script)/i

interface Reported {
  readonly documentUri: string
  readonly directive: string
  readonly blocked: string
  readonly sample: string
}

export async function watchPolicyViolations(page: Page, appOrigin: string): Promise<string[]> {
  const violations: string[] = []
  const fromApp = (url: string) => url === '' || url.startsWith(appOrigin)
  page.on('console', (message) => {
    if (REPORTED_IN_CONSOLE.test(message.text()) && fromApp(message.location().url)) {
      violations.push(`console: ${message.text()}`)
    }
  })
  page.on('pageerror', (error) => {
    violations.push(`uncaught: ${error.message}`)
  })
  await page.exposeFunction('reportPolicyViolation', (reported: Reported) => {
    if (!fromApp(reported.documentUri)) return
    violations.push(
      `${reported.directive} blocked ${reported.blocked} in ${reported.documentUri}: ${reported.sample}`,
    )
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportPolicyViolation: (v: Reported) => void })
        .reportPolicyViolation
      report({
        documentUri: event.documentURI,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      })
    })
  })
  return violations
}
