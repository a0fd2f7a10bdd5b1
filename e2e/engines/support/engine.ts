/**
 * The small engine-neutral interface the engine matrix is written against (e2e/engines/). One
 * adapter per engine implements it: Firefox over WebDriver BiDi (firefox.ts, puppeteer-core),
 * WebKitGTK over classic WebDriver (webkit.ts, selenium-webdriver). No single library drives
 * both here: geckodriver is not packaged, and Debian's WebKitWebDriver speaks no BiDi.
 *
 * Elements are found the way a person finds them, as the Playwright suite does: by ARIA role and
 * accessible name (computed by the engine itself), form fields by their label.
 */

/** A role and, optionally, an accessible name (exact), inside another element found the same way. */
export interface RoleQuery {
  readonly role: string
  readonly name?: string
  readonly within?: RoleQuery
}

/** A form field by its label (its accessible name). */
export interface LabelQuery {
  readonly label: string
}

export type Query = RoleQuery | LabelQuery

export interface Tab {
  goto(url: string): Promise<void>
  reload(): Promise<void>
  /** The browser's Back button. */
  back(): Promise<void>
  /** The browser's Forward button. */
  forward(): Promise<void>
  url(): Promise<string>
  /** The text of the first shown element that matches, or `null` if none is shown. */
  textOf(query: Query): Promise<string | null>
  /** The value of the first shown form field that matches, or `null` if none is shown. */
  valueOf(query: LabelQuery): Promise<string | null>
  /** Clicks the first shown element that matches; waits for one to be shown. */
  click(query: Query): Promise<void>
  /** Replaces a form field's value by typing `value`; waits for the field to be shown. */
  fill(query: LabelQuery, value: string): Promise<void>
  /**
   * Runs `body`, the body of an async function with `args` in scope, in the page; resolves to
   * its JSON-serialisable result. A string, never a function: tsx would wrap named functions in
   * a `__name` helper the page lacks.
   */
  run<T>(body: string, ...args: unknown[]): Promise<T>
  /**
   * Console messages this tab's pages printed, as far as the engine lets a driver see them:
   * all of them in Firefox; in WebKit, from the driver's first command to a page on
   * (docs/engines.md).
   */
  consoleMessages(): Promise<string[]>
  close(): Promise<void>
}

export interface Cookie {
  readonly name: string
  readonly value: string
  readonly domain: string
}

/** One test's browser: its own cookies and storage, shared by its tabs, like a user's profile. */
export interface BrowserSession {
  /** The tab the session opened with. */
  readonly firstTab: Tab
  newTab(): Promise<Tab>
  /** Every cookie the session holds for `url`'s host. */
  cookies(url: string): Promise<Cookie[]>
  close(): Promise<void>
}

export interface SessionOptions {
  /** Appended to the engine's User-Agent (the hostile provider's scenario key, dev/hostile/). */
  readonly userAgentSuffix?: string
}

export type EngineName = 'firefox' | 'webkit'

/**
 * Whether the engine's driver follows the Back and Forward buttons here. WebKitWebDriver 2.50
 * loses the page when they return to one that switched browsing context group (the app sends
 * Cross-Origin-Opener-Policy), though the browser shows it fine: docs/engines.md.
 */
export const DRIVES_HISTORY: Readonly<Record<EngineName, boolean>> = {
  firefox: true,
  webkit: false,
}

export interface Engine {
  readonly name: EngineName
  /** The browser's own name and version, e.g. `firefox/153.8.0` (for reports). */
  readonly version: string
  open(options?: SessionOptions): Promise<BrowserSession>
  close(): Promise<void>
}

export function isLabelQuery(query: Query): query is LabelQuery {
  return 'label' in query
}

/** `role "name"` inside `role "name"`, for error messages. */
export function describeQuery(query: Query): string {
  if (isLabelQuery(query)) return `field labelled "${query.label}"`
  const self = query.name === undefined ? query.role : `${query.role} "${query.name}"`
  return query.within ? `${self} in ${describeQuery(query.within)}` : self
}
