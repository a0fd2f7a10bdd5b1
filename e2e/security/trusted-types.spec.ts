/**
 * SEC-46: the app runs under Trusted Types (`require-trusted-types-for 'script'`, no policy may
 * be created): every page it has, through a sign-in and a sign-out, uses no DOM injection sink,
 * and the browser really refuses one. The silent renewal frame is covered by the
 * no-refresh-token provider's spec (e2e/providers/no-refresh-token.spec.ts).
 */
import { watchPolicyViolations } from '../support/policy-violations'
import { expect, expectSignedIn, signInFrom, stack, test } from './support/hostile'
import { signOut } from '../support/account'

test('SEC-46 every page runs under Trusted Types without a violation, and sinks are refused', async ({
  page,
}) => {
  const violations = await watchPolicyViolations(page, stack.appOrigin)

  const home = await page.goto('/')
  const policy = home?.headers()['content-security-policy'] ?? ''
  expect(policy).toContain("require-trusted-types-for 'script'")
  expect(policy).toContain("trusted-types 'none'")

  await signInFrom(page, '/')
  await expectSignedIn(page)
  const navigation = page.getByRole('navigation', { name: 'Main' })
  const stamp = String(Date.now())

  await navigation.getByRole('link', { name: 'Tasks' }).click()
  await page.getByLabel('New task').fill(`Trusted task ${stamp}`)
  await page.getByRole('button', { name: 'Add task' }).click()
  await expect(page.getByRole('list', { name: 'Tasks' })).toContainText(`Trusted task ${stamp}`)

  await navigation.getByRole('link', { name: 'Notes' }).click()
  await page.getByLabel('New note').fill(`Trusted note ${stamp}`)
  await page.getByRole('button', { name: 'Add note' }).click()
  await expect(page.getByRole('list', { name: 'Notes' })).toContainText(`Trusted note ${stamp}`)

  await navigation.getByRole('link', { name: 'Profile' }).click()
  await expect(page.getByRole('region', { name: 'From the demo API' })).toContainText(
    stack.users[0]?.name ?? '',
  )

  await navigation.getByRole('link', { name: 'Diagnostics' }).click()
  const tokens = page.getByRole('table', {
    name: 'Access tokens held by this tab (values redacted)',
  })
  await expect(tokens.getByRole('row', { name: /^demo / })).toContainText(/\d+ s/)

  // A reload starts the app again from a stored session: bootstrap, no provider round trip.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Diagnostics' })).toBeVisible()

  await signOut(page)
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign in' })).toBeVisible()

  expect(violations).toEqual([])

  // Enforced, not merely declared: a string reaching a sink, or a new policy, is refused.
  const refused = await page.evaluate(() => {
    // Not in TypeScript's DOM types yet.
    const { trustedTypes } = window as unknown as {
      trustedTypes?: { createPolicy(name: string, rules: object): unknown }
    }
    const attempt = (sink: () => void) => {
      try {
        sink()
        return 'allowed'
      } catch (error) {
        return error instanceof TypeError ? 'refused' : String(error)
      }
    }
    return {
      innerHTML: attempt(() => {
        document.createElement('div').innerHTML = '<img src=x>'
      }),
      scriptSrc: attempt(() => {
        document.createElement('script').src = '/assets/x.js'
      }),
      createPolicy: attempt(() => {
        trustedTypes?.createPolicy('escape-hatch', { createHTML: (input: string) => input })
      }),
    }
  })
  expect(refused).toEqual({ innerHTML: 'refused', scriptSrc: 'refused', createPolicy: 'refused' })
})
