/**
 * `npm run bench`: sizes of the built app and the auth layer's share, provider round trips and
 * times for sign-in and reload, and refresh grants under concurrency, measured in Chromium
 * against the real local stack. A benchmark, not a test: it reports, it does not judge.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { chromium } from '@playwright/test'

import { devStack } from '../config'
import { startStack } from '../stack'
import { CHROMIUM_ARGS, findChromium } from '../../e2e/support/chromium'
import { measureBundle, type Size } from './bundle-size'
import { concurrentExpiredCalls, deepLinkSignIn, signedInReload } from './flows'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const ROOT = fileURLToPath(new URL('../..', import.meta.url))

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const median =
    sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
  return { median, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0 }
}
const kib = (bytes: number) => (bytes / 1024).toFixed(1)
const sizeRow = (name: string, size: Size) =>
  `| ${name} | ${kib(size.raw)} | ${kib(size.gzip)} | ${kib(size.brotli)} |`
const ms = (s: { median: number; min: number; max: number }) =>
  `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`

async function main(): Promise<void> {
  const bundle = measureBundle(`${ROOT}dist`)
  const stack = devStack({
    ...process.env,
    TESSERA_IDP_PORT: '9800',
    TESSERA_API_PORT: '9801',
    TESSERA_APP_PORT: '9810',
    TESSERA_DIAGNOSTICS: '1',
  })
  const user = stack.users[0]
  if (!user) throw new Error('dev/config.ts has no demo user')
  const running = await startStack(stack, { mode: 'dist', root: `${ROOT}dist` })
  const executablePath = findChromium()
  const browser = await chromium.launch({
    args: CHROMIUM_ARGS,
    ...(executablePath ? { executablePath } : {}),
  })
  try {
    const signIns: { providerRequests: number; ms: number }[] = []
    const reloads: { providerRequests: number; ms: number; navigationToApiRequestMs: number }[] = []
    for (let run = 0; run < RUNS; run++) {
      const signIn = await deepLinkSignIn(browser, stack, user)
      signIns.push({ providerRequests: signIn.providerRequests, ms: signIn.ms })
      reloads.push(await signedInReload(signIn.page, stack, user))
      await signIn.context.close()
    }
    const concurrency = await concurrentExpiredCalls(browser, stack, user, 10)

    const result = {
      date: new Date().toISOString(),
      runs: RUNS,
      bundle,
      deepLinkSignIn: {
        providerRequests: stats(signIns.map((s) => s.providerRequests)),
        ms: stats(signIns.map((s) => s.ms)),
      },
      signedInReload: {
        providerRequests: stats(reloads.map((s) => s.providerRequests)),
        ms: stats(reloads.map((s) => s.ms)),
        navigationToApiRequestMs: stats(reloads.map((s) => s.navigationToApiRequestMs)),
      },
      concurrentExpiredCalls: { calls: 10, ...concurrency },
    }

    console.log(`
## Bundle (KiB)
| JS | raw | gzip | brotli |
| --- | ---: | ---: | ---: |
${sizeRow('first load (entry + static imports)', bundle.firstLoad)}
${sizeRow('lazy sign-in/renewal chunk', bundle.lazy)}
${sizeRow('auth share, signed-in reload', bundle.authFirstLoad)}
${sizeRow('auth share, sign-in path', bundle.authSignInPath)}

## Flows (median of ${String(RUNS)}, min–max)
| flow | provider requests | ms |
| --- | ---: | ---: |
| deep-link sign-in → API answer | ${ms(result.deepLinkSignIn.providerRequests)} | ${ms(result.deepLinkSignIn.ms)} |
| signed-in reload → API answer | ${ms(result.signedInReload.providerRequests)} | ${ms(result.signedInReload.ms)} |
| reload: navigation start → API request | | ${ms(result.signedInReload.navigationToApiRequestMs)} |

## 10 concurrent calls with an expired access token
refresh grants: ${String(concurrency.refreshGrants)}, calls ok: ${String(concurrency.ok)}/10, next refresh ok: ${String(concurrency.laterRefreshOk)}
`)
    mkdirSync(`${ROOT}dev/bench/results`, { recursive: true })
    writeFileSync(`${ROOT}dev/bench/results/latest.json`, `${JSON.stringify(result, null, 2)}\n`)
    console.log('Wrote dev/bench/results/latest.json')
  } finally {
    await browser.close()
    await running.close()
  }
}

await main()
