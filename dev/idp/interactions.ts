/**
 * Our own interaction routes (oidc-provider's devInteractions are off):
 *
 *   GET  /interaction/:uid         login page, or the account chooser for prompt=select_account
 *                                  (a consent prompt is granted on the spot)
 *   POST /interaction/:uid/login   check the credentials, finish the login prompt, or ask for
 *                                  the one-time code when the client wants a second factor
 *   POST /interaction/:uid/otp     check the one-time code, finish the login prompt
 *   POST /interaction/:uid/select  the chooser's answer: the current account, or the login form
 *   POST /interaction/:uid/abort   finish with access_denied
 *
 * No CSRF token: the interaction cookie oidc-provider binds these to is SameSite=Lax, so a
 * cross-site POST arrives without it and fails.
 */

import { randomInt } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { errors } from 'oidc-provider'
import type Provider from 'oidc-provider'
import type { Interaction } from 'oidc-provider'
import { ACR_PASSWORD, ACR_SECOND_FACTOR, type DevStack } from '../config'
import { authenticate } from './accounts'
import { BodyTooLargeError, field, readForm } from './body'
import { INTERACTION_PATH } from './configuration'
import { accountChooserPage, errorPage, loginPage, secondFactorPage } from './pages'
import type { Page } from './pages'

const FORM_LIMIT = 8 * 1024
const ROUTE = new RegExp(`^${INTERACTION_PATH}/([A-Za-z0-9_-]+)(?:/(login|otp|select|abort))?$`)

/**
 * Second factors waiting for their code, by interaction uid. The dev provider shows the code on
 * its own page (there is no phone); a real provider would send it.
 */
const pendingSecondFactors = new Map<string, { accountId: string; code: string }>()

function wantsSecondFactor(interaction: Interaction): boolean {
  const requested = interaction.params.acr_values
  return typeof requested === 'string' && requested.split(' ').includes(ACR_SECOND_FACTOR)
}

function askForSecondFactor(res: ServerResponse, uid: string, accountId: string, failed = false) {
  const code = String(randomInt(100_000, 1_000_000))
  pendingSecondFactors.set(uid, { accountId, code })
  send(res, 200, secondFactorPage({ uid, code, failed }))
}

function send(res: ServerResponse, status: number, page: Page): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': page.csp,
    'X-Content-Type-Options': 'nosniff',
  })
  res.end(page.html)
}

/** The demo user `login_hint` names (by username or e-mail), to prefill the login form. */
function hintedUsername(stack: DevStack, interaction: Interaction): string | undefined {
  const hint = interaction.params.login_hint
  if (typeof hint !== 'string') return undefined
  return stack.users.find((user) => user.username === hint || user.email === hint)?.username
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : []
}

/**
 * loadExistingGrant already covers what the client asked for, so this only runs if oidc-provider
 * still asks: grant exactly what its consent prompt lists as missing.
 */
async function grantConsent(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  interaction: Interaction,
): Promise<void> {
  const accountId = interaction.session?.accountId
  const clientId = interaction.params.client_id
  if (accountId === undefined || typeof clientId !== 'string') {
    throw new errors.SessionNotFound('interaction has no signed-in account')
  }
  const existing =
    interaction.grantId === undefined ? undefined : await provider.Grant.find(interaction.grantId)
  const grant = existing ?? new provider.Grant({ accountId, clientId })
  const { details } = interaction.prompt
  const scopes = stringArray(details.missingOIDCScope)
  if (scopes.length > 0) grant.addOIDCScope(scopes)
  const claims = stringArray(details.missingOIDCClaims)
  if (claims.length > 0) grant.addOIDCClaims(claims)
  const resources = details.missingResourceScopes
  if (typeof resources === 'object' && resources !== null) {
    for (const [indicator, missing] of Object.entries(resources)) {
      const resourceScopes = stringArray(missing)
      if (resourceScopes.length > 0) grant.addResourceScope(indicator, resourceScopes)
    }
  }
  const grantId = await grant.save()
  const result = { consent: { grantId } }
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true })
}

async function route(
  provider: Provider,
  stack: DevStack,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
  action: string | undefined,
): Promise<void> {
  const interaction = await provider.interactionDetails(req, res)
  if (interaction.uid !== uid) {
    throw new errors.SessionNotFound('interaction cookie does not match the URL')
  }
  const demoUsernames = stack.users.map((user) => user.username)

  if (action === undefined && req.method === 'GET') {
    if (interaction.prompt.name === 'consent') {
      await grantConsent(provider, req, res, interaction)
      return
    }
    // Step-up for a signed-in user: only the missing factor is asked for.
    const accountId = interaction.session?.accountId
    const reasons = interaction.prompt.reasons
    if (
      accountId !== undefined &&
      reasons.length === 1 &&
      reasons[0] === 'second_factor_required'
    ) {
      askForSecondFactor(res, uid, accountId)
      return
    }
    const current = stack.users.find((user) => user.sub === accountId)
    if (interaction.prompt.name === 'select_account' && current) {
      send(res, 200, accountChooserPage({ uid, current }))
      return
    }
    send(res, 200, loginPage({ uid, demoUsernames, username: hintedUsername(stack, interaction) }))
    return
  }

  if (action === 'select' && req.method === 'POST') {
    const form = await readForm(req, FORM_LIMIT)
    if (field(form, 'account') === 'current') {
      const result = { select_account: {} }
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false })
      return
    }
    send(res, 200, loginPage({ uid, demoUsernames }))
    return
  }

  if (action === 'login' && req.method === 'POST') {
    const form = await readForm(req, FORM_LIMIT)
    const username = field(form, 'username') ?? ''
    const user = authenticate(stack.users, username, field(form, 'password') ?? '')
    if (user === undefined) {
      send(res, 200, loginPage({ uid, demoUsernames, username, failed: true }))
      return
    }
    if (wantsSecondFactor(interaction)) {
      askForSecondFactor(res, uid, user.sub)
      return
    }
    const result = {
      login: { accountId: user.sub, acr: ACR_PASSWORD, amr: ['pwd'] },
      // Signing in as someone answers the account choice too.
      ...(typeof interaction.params.prompt === 'string' &&
      interaction.params.prompt.split(' ').includes('select_account')
        ? { select_account: {} }
        : {}),
    }
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false })
    return
  }

  if (action === 'otp' && req.method === 'POST') {
    const pending = pendingSecondFactors.get(uid)
    if (pending === undefined) throw new errors.SessionNotFound('no second factor is pending')
    const form = await readForm(req, FORM_LIMIT)
    if (field(form, 'otp')?.trim() !== pending.code) {
      askForSecondFactor(res, uid, pending.accountId, true)
      return
    }
    pendingSecondFactors.delete(uid)
    const login = { accountId: pending.accountId, acr: ACR_SECOND_FACTOR, amr: ['pwd', 'otp'] }
    await provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false })
    return
  }

  if (action === 'abort' && req.method === 'POST') {
    const result = { error: 'access_denied', error_description: 'The user cancelled the sign-in.' }
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false })
    return
  }

  res.writeHead(405, { Allow: action === undefined ? 'GET' : 'POST' }).end()
}

/**
 * Handles the request if it is one of the interaction routes; returns false for anything else,
 * which belongs to the provider.
 */
export async function handleInteraction(
  provider: Provider,
  stack: DevStack,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<boolean> {
  const match = ROUTE.exec(pathname)
  const uid = match?.[1]
  if (match === null || uid === undefined) return false
  try {
    await route(provider, stack, req, res, uid, match[2])
  } catch (error) {
    if (error instanceof errors.SessionNotFound) {
      send(
        res,
        400,
        errorPage('This sign-in has expired', {
          error: 'invalid_request',
          error_description: 'The sign-in request is no longer valid. Start again from the app.',
        }),
      )
    } else if (error instanceof BodyTooLargeError) {
      res.writeHead(413).end()
    } else {
      throw error
    }
  }
  return true
}
