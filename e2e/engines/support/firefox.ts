/**
 * Firefox (ESR) through puppeteer-core over WebDriver BiDi, Firefox's own remote protocol: no
 * geckodriver. Every session is a BiDi user context (its own cookies and storage), so one
 * browser serves every test. Roles and names come from Firefox's accessibility tree
 * (puppeteer's `::-p-aria()` selectors, BiDi `browsingContext.locateNodes`).
 */
import puppeteer, {
  type Browser,
  type BrowserContext,
  type ElementHandle,
  type Page,
} from 'puppeteer-core'

import {
  type BrowserSession,
  type Cookie,
  describeQuery,
  type Engine,
  isLabelQuery,
  type LabelQuery,
  type Query,
  type RoleQuery,
  type SessionOptions,
  type Tab,
} from './engine'
import { orNull, untilShown } from './wait'

function quoted(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`
}

function ariaSelector(query: RoleQuery): string {
  const name = query.name === undefined ? '' : `[name=${quoted(query.name)}]`
  return `::-p-aria(${name}[role=${quoted(query.role)}])`
}

const FIELD_TAGS = ['INPUT', 'TEXTAREA', 'SELECT']

class FirefoxTab implements Tab {
  readonly #page: Page
  readonly #messages: string[] = []

  constructor(page: Page) {
    this.#page = page
    page.on('console', (message) => this.#messages.push(message.text()))
  }

  async goto(url: string): Promise<void> {
    await this.#page.goto(url)
  }

  async reload(): Promise<void> {
    await this.#page.reload()
  }

  async back(): Promise<void> {
    await this.#page.goBack()
  }

  async forward(): Promise<void> {
    await this.#page.goForward()
  }

  url(): Promise<string> {
    return Promise.resolve(this.#page.url())
  }

  async #shown(handles: ElementHandle[]): Promise<ElementHandle[]> {
    const shown: ElementHandle[] = []
    for (const handle of handles) {
      if (await handle.isVisible()) shown.push(handle)
    }
    return shown
  }

  /** Every shown element that matches, inside every shown match of `within`. */
  async #findRoles(query: RoleQuery): Promise<ElementHandle[]> {
    const parents = query.within ? await this.#findRoles(query.within) : [undefined]
    const found: ElementHandle[] = []
    for (const parent of parents) {
      found.push(...(await this.#shown(await (parent ?? this.#page).$$(ariaSelector(query)))))
    }
    return found
  }

  async #findField(query: LabelQuery): Promise<ElementHandle | null> {
    const handles = await this.#page.$$(`::-p-aria([name=${quoted(query.label)}])`)
    const fields: ElementHandle[] = []
    for (const handle of handles) {
      const tag = await handle.evaluate((element) => element.tagName)
      if (FIELD_TAGS.includes(tag)) fields.push(handle)
    }
    return (await this.#shown(fields))[0] ?? null
  }

  #find(query: Query): Promise<ElementHandle | null> {
    if (isLabelQuery(query)) return this.#findField(query)
    return this.#findRoles(query).then((found) => found[0] ?? null)
  }

  async textOf(query: Query): Promise<string | null> {
    return orNull(async () => {
      const handle = await this.#find(query)
      return handle ? handle.evaluate((element) => (element as HTMLElement).innerText) : null
    })
  }

  async valueOf(query: LabelQuery): Promise<string | null> {
    return orNull(async () => {
      const handle = await this.#find(query)
      return handle ? handle.evaluate((element) => (element as HTMLInputElement).value) : null
    })
  }

  /** Finds and acts, again from the start if the element went away in between. */
  async #act(query: Query, action: (handle: ElementHandle) => Promise<void>): Promise<void> {
    await untilShown(async () => {
      const handle = await this.#find(query)
      if (!handle) return null
      await action(handle)
      return true
    }, describeQuery(query))
  }

  click(query: Query): Promise<void> {
    return this.#act(query, (handle) => handle.click())
  }

  fill(query: LabelQuery, value: string): Promise<void> {
    return this.#act(query, async (handle) => {
      await handle.evaluate((element) => {
        ;(element as HTMLInputElement).value = ''
      })
      await handle.type(value)
    })
  }

  run<T>(body: string, ...args: unknown[]): Promise<T> {
    return this.#page.evaluate(
      `(async (...args) => { ${body} })(...${JSON.stringify(args)})`,
    ) as Promise<T>
  }

  consoleMessages(): Promise<string[]> {
    return Promise.resolve([...this.#messages])
  }

  async close(): Promise<void> {
    await this.#page.close()
  }
}

class FirefoxSession implements BrowserSession {
  readonly firstTab: Tab
  readonly #context: BrowserContext
  readonly #userAgent: string | undefined

  private constructor(context: BrowserContext, firstTab: Tab, userAgent: string | undefined) {
    this.#context = context
    this.firstTab = firstTab
    this.#userAgent = userAgent
  }

  static async open(browser: Browser, options: SessionOptions): Promise<FirefoxSession> {
    const context = await browser.createBrowserContext()
    const userAgent =
      options.userAgentSuffix === undefined
        ? undefined
        : `${await browser.userAgent()} ${options.userAgentSuffix}`
    const session = new FirefoxSession(context, await newTab(context, userAgent), userAgent)
    return session
  }

  newTab(): Promise<Tab> {
    return newTab(this.#context, this.#userAgent)
  }

  async cookies(url: string): Promise<Cookie[]> {
    const host = new URL(url).hostname
    const cookies = await this.#context.cookies()
    return cookies.filter((cookie) => cookie.domain.replace(/^\./, '') === host)
  }

  async close(): Promise<void> {
    await this.#context.close()
  }
}

async function newTab(context: BrowserContext, userAgent: string | undefined): Promise<Tab> {
  const page = await context.newPage()
  if (userAgent !== undefined) await page.setUserAgent({ userAgent })
  return new FirefoxTab(page)
}

export async function launchFirefox(executablePath: string): Promise<Engine> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
  })
  return {
    name: 'firefox',
    version: await browser.version(),
    open: (options = {}) => FirefoxSession.open(browser, options),
    close: () => browser.close(),
  }
}
