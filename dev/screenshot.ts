/**
 * `npm run screenshot`: the README's pictures of the signed-in app. Starts its own stack on its
 * own ports (beside `npm start` and the e2e suite), signs in as the first demo user in Chromium,
 * adds a few tasks and writes `docs/screenshot.png` (light) and `docs/screenshot-dark.png`
 * (dark), 1280×800. Needs a production build (`npm run screenshot` runs `vite build` first).
 */
import { existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { type Browser, chromium, expect, type Page } from '@playwright/test'

import { CHROMIUM_ARGS, ensureChromium } from '../e2e/support/chromium'
import { type DemoUser, type DevStack, devStack } from './config'
import { startStack } from './stack'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DIST = `${ROOT}dist`
const VIEWPORT = { width: 1280, height: 800 }
const TASKS = [
  'Review the quarterly report',
  'Book the team offsite',
  'Renew the TLS certificate',
  'Rotate the signing keys',
  'Reply to the auditors',
]

/** Signs in through the provider's form, starting from the tasks page (a deep link). */
async function signInToTasks(page: Page, stack: DevStack, user: DemoUser): Promise<void> {
  await page.goto(`${stack.appOrigin}/tasks`)
  await page.getByLabel('Username').fill(user.username)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible()
  await expect(page.getByText('Loading your tasks', { exact: false })).toBeHidden()
}

async function addTasks(page: Page): Promise<void> {
  for (const title of TASKS) {
    await page.getByLabel('New task').fill(title)
    await page.getByRole('button', { name: 'Add task' }).click()
    await expect(page.getByRole('list', { name: 'Tasks' }).getByText(title)).toBeVisible()
  }
}

async function capture(
  browser: Browser,
  stack: DevStack,
  user: DemoUser,
  colorScheme: 'light' | 'dark',
  file: string,
  prepare: (page: Page) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme })
  try {
    const page = await context.newPage()
    await signInToTasks(page, stack, user)
    await prepare(page)
    // No focus ring or caret in the picture.
    await page.evaluate(() => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
    })
    await page.screenshot({ path: `${ROOT}${file}`, animations: 'disabled' })
    console.log(`Wrote ${file}`)
  } finally {
    await context.close()
  }
}

async function main(): Promise<void> {
  if (!existsSync(`${DIST}/index.html`)) {
    throw new Error('There is no production build in dist/: run npm run build first.')
  }
  const stack = devStack({
    ...process.env,
    TESSERA_IDP_PORT: '9900',
    TESSERA_API_PORT: '9901',
    TESSERA_NOTES_API_PORT: '9902',
    TESSERA_APP_PORT: '9910',
    TESSERA_DIAGNOSTICS: '',
  })
  const [user] = stack.users
  if (!user) throw new Error('dev/config.ts has no demo user')
  mkdirSync(`${ROOT}docs`, { recursive: true })
  const running = await startStack(stack, { mode: 'dist', root: DIST })
  const executablePath = ensureChromium()
  const browser = await chromium.launch({
    args: CHROMIUM_ARGS,
    ...(executablePath ? { executablePath } : {}),
  })
  try {
    // The API keeps the tasks, so the dark picture shows the same list.
    await capture(browser, stack, user, 'light', 'docs/screenshot.png', addTasks)
    await capture(browser, stack, user, 'dark', 'docs/screenshot-dark.png', async (page) => {
      await expect(page.getByRole('list', { name: 'Tasks' }).getByRole('listitem')).toHaveCount(
        TASKS.length,
      )
    })
  } finally {
    await browser.close()
    await running.close()
  }
}

await main()
