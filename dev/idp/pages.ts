/**
 * The identity provider's HTML: one small layout and the pages built on it. Every interpolated
 * value goes through `escapeHtml`; the only raw HTML accepted is the logout form oidc-provider
 * renders itself.
 */

import { createHash } from 'node:crypto'

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

const STYLE = `
:root {
  color-scheme: light dark;
  --bg: #f3f4f7; --card: #fff; --text: #1b2130; --muted: #5a6374; --border: #d3d8e0;
  --accent: #3451c7; --accent-text: #fff; --danger: #b42318; --danger-bg: #fef3f2;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #11141b; --card: #1b1f29; --text: #e7eaf0; --muted: #a1a9b8; --border: #353b48;
    --accent: #8ea2ff; --accent-text: #0f1219; --danger: #ffa39a; --danger-bg: #3a1d1b;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; min-height: 100vh; display: grid; place-items: center; padding: 1rem;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  background: var(--bg); color: var(--text);
}
main {
  width: 100%; max-width: 24rem; padding: 1.5rem; background: var(--card);
  border: 1px solid var(--border); border-radius: 12px; box-shadow: 0 4px 16px rgb(0 0 0 / 8%);
}
h1 { font-size: 1.375rem; margin: 0 0 1rem; }
p { margin: 0 0 1rem; }
label { display: block; font-weight: 600; margin: 0.75rem 0 0.25rem; }
input {
  width: 100%; font: inherit; padding: 0.625rem 0.75rem; color: inherit; background: transparent;
  border: 1px solid var(--border); border-radius: 8px;
}
button {
  width: 100%; font: inherit; font-weight: 600; padding: 0.625rem; margin-top: 1rem;
  border: 1px solid transparent; border-radius: 8px; cursor: pointer;
  background: var(--accent); color: var(--accent-text);
}
button.secondary { margin-top: 0.5rem; background: transparent; color: var(--text); border-color: var(--border); }
input:focus-visible, button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.alert { color: var(--danger); background: var(--danger-bg); border-radius: 8px; padding: 0.5rem 0.75rem; }
.hint { color: var(--muted); font-size: 0.875rem; margin: 1.25rem 0 0; }
dl { font-size: 0.875rem; } dt { font-weight: 600; } dd { margin: 0 0 0.5rem; overflow-wrap: anywhere; }
`

export interface Page {
  readonly html: string
  /** Content-Security-Policy for the page: inline style, at most one hashed inline script. */
  readonly csp: string
}

function layout(title: string, main: string, script?: string): Page {
  const scriptSrc =
    script === undefined
      ? "'none'"
      : `'sha256-${createHash('sha256').update(script).digest('base64')}'`
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${main}
</main>${script === undefined ? '' : `\n<script>${script}</script>`}
</body>
</html>
`
  // No form-action: browsers apply it to the redirects after a form post, which end at the app.
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src ${scriptSrc}; base-uri 'none'; frame-ancestors 'none'`
  return { html, csp }
}

export interface LoginPageInput {
  readonly uid: string
  readonly username?: string
  readonly failed?: boolean
  readonly demoUsernames: readonly string[]
}

export function loginPage(input: LoginPageInput): Page {
  const uid = encodeURIComponent(input.uid)
  const username = input.username ?? ''
  const alert = input.failed
    ? '<p role="alert" class="alert">Wrong username or password.</p>\n'
    : ''
  const focusUsername = username === '' ? ' autofocus' : ''
  const focusPassword = username === '' ? '' : ' autofocus'
  const demo = input.demoUsernames.map((name) => `<code>${escapeHtml(name)}</code>`).join(', ')
  return layout(
    'Sign in to Tessera',
    `<h1>Sign in to Tessera</h1>
${alert}<form method="post" action="/interaction/${uid}/login">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" required autocapitalize="none" spellcheck="false" value="${escapeHtml(username)}"${focusUsername}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${focusPassword}>
<button type="submit">Sign in</button>
</form>
<form method="post" action="/interaction/${uid}/abort">
<button type="submit" class="secondary">Cancel</button>
</form>
<p class="hint">Local development sign-in. Demo users: ${demo}.</p>`,
  )
}

export interface SecondFactorPageInput {
  readonly uid: string
  /** Shown on the page: the dev provider has no phone to send it to. */
  readonly code: string
  readonly failed: boolean
}

export function secondFactorPage(input: SecondFactorPageInput): Page {
  const uid = encodeURIComponent(input.uid)
  const alert = input.failed
    ? '<p role="alert" class="alert">That code is not right. Here is a new one.</p>\n'
    : ''
  return layout(
    'Confirm it’s you',
    `<h1>Confirm it’s you</h1>
${alert}<p>This action needs a second factor. Your one-time code is <strong>${escapeHtml(input.code)}</strong> (a development provider shows it here instead of sending it).</p>
<form method="post" action="/interaction/${uid}/otp">
<label for="otp">One-time code</label>
<input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code" required autofocus>
<button type="submit">Verify</button>
</form>
<form method="post" action="/interaction/${uid}/abort">
<button type="submit" class="secondary">Cancel</button>
</form>`,
  )
}

/**
 * `form` is oidc-provider's own `<form id="op.logoutForm">` (action + xsrf input), already
 * carrying our `logout=yes` input.
 */
export function logoutPage(form: string, autoSubmit: boolean): Page {
  const lead = autoSubmit ? 'Signing you out of Tessera…' : 'Sign out of Tessera on this device?'
  return layout(
    'Sign out',
    `<h1>Sign out</h1>
<p>${lead}</p>
${form}
<button type="submit" form="op.logoutForm">Sign out</button>`,
    autoSubmit ? "document.getElementById('op.logoutForm').submit()" : undefined,
  )
}

export function signedOutPage(): Page {
  return layout(
    'Signed out',
    `<h1>You are signed out</h1>
<p>You can close this window.</p>`,
  )
}

export function errorPage(title: string, details: Readonly<Record<string, string>>): Page {
  const rows = Object.entries(details)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('\n')
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p>Go back to the app and try signing in again.</p>
<dl>
${rows}
</dl>`,
  )
}
