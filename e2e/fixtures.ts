import {
  type BrowserContext,
  test as base,
  expect,
  type Page,
  type Request,
} from '@playwright/test'

import type { DemoUser, DevStack } from '../dev/config'
import { e2eStack } from './support/stack-env'
import { accountButton } from './support/account'

export { expect }
export const stack = e2eStack
/** A clock jump (for `clock.fastForward`) just past the access tokens' lifetime. */
export const pastExpiry = `${String(Math.ceil(stack.lifetimes.accessToken / 60) + 1)}:00`
export const [alice, bob] = e2eStack.users as [DemoUser, DemoUser]

/** Every request the browser sent to the identity provider during a test. */
export class ProviderTraffic {
  readonly requests: Request[] = []

  count(predicate: (request: Request) => boolean = () => true): number {
    return this.requests.filter(predicate).length
  }

  grants(type: 'authorization_code' | 'refresh_token'): number {
    return this.count(
      (r) =>
        r.method() === 'POST' &&
        new URL(r.url()).pathname === '/token' &&
        new URLSearchParams(r.postData() ?? '').get('grant_type') === type,
    )
  }

  authorizeRequests(): number {
    return this.count((r) => new URL(r.url()).pathname === '/auth')
  }
}

/** Project option: the stack a project's tests run against (a provider profile's, or e2eStack). */
export interface StackOptions {
  readonly stack: DevStack
}

export const test = base.extend<{ provider: ProviderTraffic }, StackOptions>({
  stack: [e2eStack, { option: true, scope: 'worker' }],
  provider: async ({ context, stack: current }, use) => {
    const traffic = new ProviderTraffic()
    const origin = new URL(current.issuer).origin
    context.on('request', (request) => {
      if (new URL(request.url()).origin === origin) traffic.requests.push(request)
    })
    await use(traffic)
  },
})

/** Fills the local provider's login form (we are on its page). */
export async function signInAtProvider(page: Page, user: DemoUser = alice): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in to Tessera' })).toBeVisible()
  await page.getByLabel('Username').fill(user.username)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** Signs in from the home page and waits until the app shows the user. */
export async function signIn(page: Page, user: DemoUser = alice): Promise<void> {
  await page.goto('/')
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click()
  await signInAtProvider(page, user)
  await expect(accountButton(page)).toBeVisible()
}

/**
 * Ends the provider session behind the app's back, in another tab of the same browser: the
 * session's refresh tokens die with it. `issuer` defaults to the generic e2e stack's.
 */
export async function endProviderSession(page: Page, issuer: string = stack.issuer): Promise<void> {
  const other = await page.context().newPage()
  await other.goto(`${issuer}/session/end`)
  await other.getByRole('button', { name: 'Sign out' }).click()
  await expect(other.getByText('You are signed out', { exact: false })).toBeVisible()
  await other.close()
}

/** The keys Tessera keeps in this tab's sessionStorage. */
export function sessionKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(sessionStorage))
}

/** Calls the demo API through the app's real token path (config `"diagnostics": true`). */
export function fetchApi(page: Page, path: string): Promise<unknown> {
  return page.evaluate(async (p) => {
    if (!window.tesseraDiagnostics) throw new Error('diagnostics are off in config.json')
    return window.tesseraDiagnostics.fetchApi('demo', p)
  }, path)
}

/** On the Tasks page: adds a task and waits until the list shows it. */
export async function addTask(page: Page, title: string): Promise<void> {
  await page.getByLabel('New task').fill(title)
  await page.getByRole('button', { name: 'Add task' }).click()
  await expect(page.getByRole('list', { name: 'Tasks' }).getByText(title)).toBeVisible()
}

/** On the local provider's second-factor page: enters the one-time code it shows. */
export async function confirmSecondFactor(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Confirm it’s you' })).toBeVisible()
  const prompt = await page.getByText('Your one-time code is').innerText()
  await page.getByLabel('One-time code').fill(/\b(\d{6})\b/.exec(prompt)?.[1] ?? '')
  await page.getByRole('button', { name: 'Verify' }).click()
}

/**
 * Serves every tab of `context` the stack's own config.json with `keys` changed, keeping the
 * host's headers (its Date sets the app's clock correction).
 */
export async function changeConfig(
  context: BrowserContext,
  keys: Readonly<Record<string, unknown>>,
): Promise<void> {
  await context.route('**/config.json', async (route) => {
    const response = await route.fetch()
    const deployed = (await response.json()) as Record<string, unknown>
    await route.fulfill({ response, json: { ...deployed, ...keys } })
  })
}
