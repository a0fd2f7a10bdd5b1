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

/**
 * The app's look (src/styles.css: same colours, type and radii), light and dark, so leaving the
 * app for the provider does not feel like landing somewhere else.
 */
const STYLE = `
:root {
  color-scheme: light dark;
  --bg: #f7f7fb; --card: #fff; --text: #1c1b29; --muted: #5b5a6e; --border: #dcdbe8;
  --accent: #4f46e5; --accent-text: #fff; --focus: #4f46e5;
  --danger-bg: #fdecec; --danger-border: #e5a3a3; --danger-text: #7a1010;
  --shadow: 0 1px 2px rgb(20 19 40 / 6%), 0 4px 16px rgb(20 19 40 / 6%);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #14131c; --card: #1e1d2a; --text: #ecebf5; --muted: #a9a8bd; --border: #34334a;
    --accent: #8b85ff; --accent-text: #14131c; --focus: #a7a2ff;
    --danger-bg: #3a1518; --danger-border: #7a2e33; --danger-text: #ffd7d7; --shadow: none;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; min-height: 100vh; display: grid; place-content: center; gap: 1rem; padding: 1rem;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  background: var(--bg); color: var(--text);
}
header { display: flex; align-items: center; justify-content: center; gap: 0.5rem; font-weight: 700; font-size: 1.15rem; }
.brand-mark {
  width: 1.25rem; height: 1.25rem; border-radius: 0.3rem;
  background:
    linear-gradient(var(--accent) 0 0) 0 0 / 45% 45% no-repeat,
    linear-gradient(var(--accent) 0 0) 100% 0 / 45% 45% no-repeat,
    linear-gradient(var(--accent) 0 0) 0 100% / 45% 45% no-repeat,
    linear-gradient(var(--muted) 0 0) 100% 100% / 45% 45% no-repeat;
}
main {
  width: min(24rem, calc(100vw - 2rem)); padding: 1.5rem; background: var(--card);
  border: 1px solid var(--border); border-radius: 0.75rem; box-shadow: var(--shadow);
}
h1 { font-size: 1.375rem; line-height: 1.25; margin: 0 0 1rem; }
p { margin: 0 0 1rem; }
label { display: block; font-weight: 600; margin: 0.75rem 0 0.3rem; }
input {
  width: 100%; font: inherit; padding: 0.55rem 0.7rem; color: inherit; background: var(--card);
  border: 1px solid var(--border); border-radius: 0.5rem;
}
button {
  width: 100%; font: inherit; font-weight: 600; padding: 0.6rem; margin-top: 1.25rem;
  border: 1px solid var(--accent); border-radius: 0.5rem; cursor: pointer;
  background: var(--accent); color: var(--accent-text);
}
button:hover { filter: brightness(1.08); }
button.secondary { margin-top: 0.5rem; background: transparent; color: var(--text); border-color: var(--border); }
input:focus-visible, button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.alert {
  color: var(--danger-text); background: var(--danger-bg); border: 1px solid var(--danger-border);
  border-left-width: 0.35rem; border-radius: 0.5rem; padding: 0.5rem 0.75rem;
}
.hint { color: var(--muted); font-size: 0.875rem; margin: 1.25rem 0 0; }
dl { font-size: 0.875rem; } dt { font-weight: 600; } dd { margin: 0 0 0.5rem; overflow-wrap: anywhere; }
`

export interface Page {
  readonly html: string
  /** Content-Security-Policy for the page: one hashed inline style, at most one hashed script. */
  readonly csp: string
}

/** A CSP hash source for an inline `<style>` or `<script>` body (CSP Level 3 §8.4). */
function hashSource(body: string): string {
  return `'sha256-${createHash('sha256').update(body).digest('base64')}'`
}

const STYLE_SRC = hashSource(STYLE)

function layout(title: string, main: string, script?: string): Page {
  const scriptSrc = script === undefined ? "'none'" : hashSource(script)
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
<header><span class="brand-mark" aria-hidden="true"></span>Tessera</header>
<main>
${main}
</main>${script === undefined ? '' : `\n<script>${script}</script>`}
</body>
</html>
`
  // No form-action: browsers apply it to the redirects after a form post, which end at the app.
  const csp = `default-src 'none'; style-src ${STYLE_SRC}; script-src ${scriptSrc}; base-uri 'none'; frame-ancestors 'none'`
  return { html, csp }
}

export interface LoginPageInput {
  readonly uid: string
  readonly username?: string | undefined
  readonly failed?: boolean
  readonly demoUsernames: readonly string[]
}

export interface AccountChooserInput {
  readonly uid: string
  /** The account signed in at the provider. */
  readonly current: { readonly name: string; readonly username: string }
}

/** `prompt=select_account` with a session: continue as that account, or use another. */
export function accountChooserPage(input: AccountChooserInput): Page {
  const uid = encodeURIComponent(input.uid)
  return layout(
    'Choose an account',
    `<h1>Choose an account</h1>
<form method="post" action="/interaction/${uid}/select">
<button type="submit" name="account" value="current">Continue as ${escapeHtml(input.current.name)} (${escapeHtml(input.current.username)})</button>
</form>
<form method="post" action="/interaction/${uid}/select">
<button type="submit" name="account" value="other" class="secondary">Use another account</button>
</form>`,
  )
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
