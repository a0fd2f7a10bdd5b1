import type { Page, Request } from '@playwright/test'

import { CAE_EVENT_PATH } from '../../dev/api/server'
import { tenantOf } from '../../dev/profiles/entra/tenants'
import {
  addTask,
  alice,
  bob,
  confirmSecondFactor,
  expect,
  signIn,
  signInAtProvider,
} from '../fixtures'
import { test } from './support/hostile-provider'
import { accountButton } from '../support/account'

/** The form of every token request the browser sent to the Entra-style token endpoint. */
function tokenForms(requests: readonly Request[]): URLSearchParams[] {
  return requests
    .filter(
      (r) => r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/oauth2/v2.0/token'),
    )
    .map((r) => new URLSearchParams(r.postData() ?? ''))
}

function authorizeUrls(requests: readonly Request[]): URL[] {
  return requests
    .map((r) => new URL(r.url()))
    .filter((url) => url.pathname.endsWith('/oauth2/v2.0/authorize'))
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name })

test('signs in through /common; each API gets its own one-resource token', async ({
  page,
  provider,
  stack,
}) => {
  await signIn(page, alice)
  await nav(page, 'Profile').click()
  await expect(page.getByRole('region', { name: 'From the demo API' })).toContainText(alice.name)
  await expect(page.getByRole('region', { name: 'ID token claims' })).toContainText(
    `${stack.issuer}/${tenantOf(alice.sub)}/v2.0`,
  )
  await nav(page, 'Notes').click()
  await expect(page.getByText('No notes yet.')).toBeVisible()

  const [authorize] = authorizeUrls(provider.requests)
  expect(authorize?.searchParams.getAll('resource')).toEqual([])
  expect(authorize?.searchParams.get('scope')).toBe(
    `openid profile email offline_access ${stack.apiUrl}/api:read ${stack.apiUrl}/api:write`,
  )
  const forms = tokenForms(provider.requests)
  expect(forms.map((form) => [form.get('grant_type'), form.get('scope')])).toEqual([
    ['authorization_code', authorize?.searchParams.get('scope')],
    ['refresh_token', `${stack.notesApiUrl}/notes:read ${stack.notesApiUrl}/notes:write`],
  ])
  expect(forms.every((form) => !form.has('resource'))).toBe(true)
  expect(forms.every((form) => form.get('claims')?.includes('"xms_cc"'))).toBe(true)
})

test('a user of another tenant gets an ID token of their own tenant', async ({ page, stack }) => {
  await signIn(page, bob)
  await nav(page, 'Profile').click()

  await expect(page.getByRole('region', { name: 'ID token claims' })).toContainText(
    `${stack.issuer}/${tenantOf(bob.sub)}/v2.0`,
  )
})

test('a claims challenge after a critical event is answered silently; the user keeps their place', async ({
  page,
  provider,
  request,
  stack,
}) => {
  // bob: the event holds for the API's lifetime, and the other tests of alice count her grants.
  await signIn(page, bob)
  await nav(page, 'Tasks').click()
  await expect(page.getByText('No tasks yet.')).toBeVisible()
  const signInsBefore = authorizeUrls(provider.requests).length

  // A critical event for bob (e.g. his password was reset): the demo API now refuses
  // tokens issued before it with a CAE claims challenge.
  const event = await request.post(`${stack.apiUrl}${CAE_EVENT_PATH}`, {
    data: { sub: bob.sub },
  })
  expect(event.ok()).toBe(true)
  const title = `Call the bank ${String(Date.now())}`
  await page.getByLabel('New task').fill(title)
  await page.getByRole('button', { name: 'Add task' }).click()

  await expect(page.getByRole('list', { name: 'Tasks' }).getByText(title)).toBeVisible()
  await expect(page).toHaveURL(/\/tasks$/)
  expect(authorizeUrls(provider.requests)).toHaveLength(signInsBefore)
  const answer = tokenForms(provider.requests).at(-1)
  expect(answer?.get('grant_type')).toBe('refresh_token')
  expect(JSON.parse(answer?.get('claims') ?? '{}')).toEqual({
    access_token: {
      nbf: { essential: true, value: expect.stringMatching(/^\d+$/) as unknown },
      xms_cc: { values: ['cp1'] },
    },
  })
})

test('an authentication-context challenge the provider will not answer silently steps up, and the delete is replayed once', async ({
  page,
  context,
  provider,
  stack,
}) => {
  const deletes: number[] = []
  context.on('response', (response) => {
    const request = response.request()
    if (request.method() === 'DELETE' && request.url().startsWith(`${stack.apiUrl}/tasks/`)) {
      deletes.push(response.status())
    }
  })
  await signIn(page, alice)
  await nav(page, 'Tasks').click()
  const title = `Close the old account ${String(Date.now())}`
  await addTask(page, title)

  await page.getByRole('button', { name: `Delete ${title}` }).click()
  await confirmSecondFactor(page)
  await expect(page).toHaveURL(/\/tasks$/)
  await expect(page.getByRole('list', { name: 'Tasks' }).getByText(title)).toBeHidden()

  // The list may already come back without the task while the replay's answer is on its way.
  await expect.poll(() => deletes).toEqual([401, 204])
  const acrs = { essential: true, value: 'c1' }
  const silent = provider.requests.find(
    (r) =>
      r.method() === 'POST' &&
      new URLSearchParams(r.postData() ?? '').get('claims')?.includes('"acrs"') === true,
  )
  expect((await silent?.response())?.status()).toBe(400)
  const stepUp = authorizeUrls(provider.requests).at(-1)
  expect(JSON.parse(stepUp?.searchParams.get('claims') ?? '{}')).toEqual({
    access_token: { acrs, xms_cc: { values: ['cp1'] } },
  })
  expect(deletes).toEqual([401, 204]) // replayed exactly once
})

test('cancelling at the provider shows its AADSTS error with a plain fix', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click()

  await page.getByRole('button', { name: 'Cancel' }).click()

  const alert = page.getByRole('alert')
  await expect(alert).toContainText('access_denied: AADSTS65004')
  await expect(alert).toContainText('You declined to sign in or to consent.')
  await expect(alert.getByRole('button', { name: 'Sign in' })).toBeVisible()
})

/** SEC-10, SEC-15: the `{tenantid}` template is filled from each token, never skipped. */
test.describe('a hostile provider behind the /common authority', () => {
  const otherTenant = tenantOf(bob.sub)

  test('control: an ID token of another tenant, consistent in tid and iss, is accepted', async ({
    page,
    hostile,
    stack,
  }) => {
    const iss = `${stack.issuer}/${otherTenant}/v2.0`
    await hostile.set({ tokenResponse: { idToken: { claims: { tid: otherTenant, iss } } } })

    await signIn(page, alice)

    await expect(accountButton(page)).toBeVisible()
  })

  const refused: {
    title: string
    claims: (issuer: string) => Record<string, unknown>
    reason: string
  }[] = [
    {
      title: 'refuses an ID token whose tid is another tenant than its iss names',
      claims: () => ({ tid: otherTenant }),
      reason: '"iss"',
    },
    {
      title: 'refuses an ID token whose iss names another tenant than its tid',
      claims: (issuer) => ({ iss: `${issuer}/${otherTenant}/v2.0` }),
      reason: '"iss"',
    },
    {
      title: 'refuses an ID token without tid',
      claims: () => ({ tid: null }),
      reason: '"tid"',
    },
    {
      title: 'refuses an ID token that carries the template itself as iss',
      claims: (issuer) => ({ iss: `${issuer}/{tenantid}/v2.0` }),
      reason: '"iss"',
    },
  ]
  for (const { title, claims, reason } of refused) {
    test(title, async ({ page, hostile, stack }) => {
      await hostile.set({ tokenResponse: { idToken: { claims: claims(stack.issuer) } } })

      await page.goto('/')
      await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click()
      await signInAtProvider(page, alice)

      const alert = page.getByRole('alert')
      await expect(alert).toContainText('id_token_invalid')
      await expect(alert).toContainText(reason)
      await expect(accountButton(page)).toBeHidden()
    })
  }

  test('refuses a discovery template that does not line up with the authority', async ({
    page,
    hostile,
    provider,
  }) => {
    await hostile.set({ discovery: { issuer: 'http://127.0.0.1:1/{tenantid}/v2.0' } })

    await page.goto('/')
    await page.getByRole('banner').getByRole('button', { name: 'Sign in' }).click()

    await expect(page.getByRole('alert')).toContainText('issuer_mismatch')
    expect(authorizeUrls(provider.requests)).toEqual([])
  })
})
