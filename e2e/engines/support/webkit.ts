/**
 * WebKitGTK through its WebDriver server (`WebKitWebDriver`, classic WebDriver: Debian's 2.50
 * build has no BiDi) and selenium-webdriver, driving `MiniBrowser --automation` on an X display
 * (GTK's MiniBrowser has no headless mode; xvfb.ts starts one). Each session is a new
 * MiniBrowser, whose automation mode keeps everything in memory (an ephemeral profile), with a
 * driver of its own.
 *
 * Roles and names come from WebKit's accessibility tree (WebDriver's computed role and label);
 * candidates are narrowed by a CSS selector first, since each check is a round trip.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'

import { Builder, By, type WebDriver, type WebElement } from 'selenium-webdriver'

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

/** Elements that can have each role, natively or by `role=`. */
const ROLE_CANDIDATES: Readonly<Record<string, string>> = {
  alert: '[role="alert"]',
  banner: 'header, [role="banner"]',
  button: 'button, input[type="submit"], input[type="button"], [role="button"]',
  heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
  link: 'a[href], [role="link"]',
  list: 'ul, ol, [role="list"]',
  navigation: 'nav, [role="navigation"]',
  region: 'section, [role="region"]',
  status: 'output, [role="status"]',
}
const FIELD_CANDIDATES = 'input, textarea, select'

/**
 * Keeps what the page prints in `console.*`, for `consoleMessages()`: installed by the first
 * command the driver sends to a page (classic WebDriver cannot run a script before the page's
 * own), read back by every later one. Its value is a function returning the messages since.
 */
const CONSOLE_RECORDER = `(() => {
  const key = '__tesseraEngineConsole'
  if (!window[key]) {
    const seen = []
    window[key] = seen
    const text = (value) => {
      if (typeof value === 'string') return value
      if (value instanceof Error) return String(value.stack ?? value.message)
      try { return JSON.stringify(value) } catch { return String(value) }
    }
    for (const level of ['debug', 'error', 'info', 'log', 'warn']) {
      const original = console[level]
      console[level] = (...values) => {
        seen.push(values.map(text).join(' '))
        original.apply(console, values)
      }
    }
  }
  return () => window[key].splice(0)
})()`

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port for the driver')
  return address.port
}

class WebKitTab implements Tab {
  readonly #session: WebKitSession
  readonly handle: string
  readonly #messages: string[] = []

  constructor(session: WebKitSession, handle: string) {
    this.#session = session
    this.handle = handle
  }

  /** Makes this tab the driver's current window, and collects what its page printed. */
  async #driver(): Promise<WebDriver> {
    const driver = await this.#session.switchTo(this)
    try {
      this.#messages.push(...(await driver.executeScript<string[]>(`return ${CONSOLE_RECORDER}()`)))
    } catch {
      // A page between two documents: its messages are read on the next command.
    }
    return driver
  }

  async goto(url: string): Promise<void> {
    await (await this.#driver()).get(url)
  }

  async reload(): Promise<void> {
    await (await this.#driver()).navigate().refresh()
  }

  /**
   * WebKitWebDriver 2.50 loses the page when Back or Forward returns to a page that switched
   * browsing context group (the app's Cross-Origin-Opener-Policy): docs/engines.md.
   */
  async back(): Promise<void> {
    await (await this.#driver()).navigate().back()
  }

  async forward(): Promise<void> {
    await (await this.#driver()).navigate().forward()
  }

  async url(): Promise<string> {
    return (await this.#driver()).getCurrentUrl()
  }

  /** The candidates with this computed role and accessible name that are shown. */
  async #matching(
    candidates: WebElement[],
    role: string | undefined,
    name: string | undefined,
  ): Promise<WebElement[]> {
    const found: WebElement[] = []
    for (const element of candidates) {
      try {
        if (role !== undefined && (await element.getAriaRole()) !== role) continue
        if (name !== undefined && (await element.getAccessibleName()) !== name) continue
        if (await element.isDisplayed()) found.push(element)
      } catch {
        // Gone while we looked (the page re-rendered): not a match.
      }
    }
    return found
  }

  /** Every shown element that matches, inside every shown match of `within`. */
  async #findRoles(driver: WebDriver, query: RoleQuery): Promise<WebElement[]> {
    const parents = query.within ? await this.#findRoles(driver, query.within) : [driver]
    const selector = ROLE_CANDIDATES[query.role] ?? `[role="${query.role}"]`
    const found: WebElement[] = []
    for (const parent of parents) {
      const candidates = await parent.findElements(By.css(selector))
      found.push(...(await this.#matching(candidates, query.role, query.name)))
    }
    return found
  }

  async #find(query: Query): Promise<WebElement | null> {
    const driver = await this.#driver()
    const found = isLabelQuery(query)
      ? await this.#matching(
          await driver.findElements(By.css(FIELD_CANDIDATES)),
          undefined,
          query.label,
        )
      : await this.#findRoles(driver, query)
    return found[0] ?? null
  }

  async textOf(query: Query): Promise<string | null> {
    return orNull(async () => {
      const element = await this.#find(query)
      return element ? element.getText() : null
    })
  }

  async valueOf(query: LabelQuery): Promise<string | null> {
    return orNull(async () => {
      const element = await this.#find(query)
      return element ? element.getAttribute('value') : null
    })
  }

  /** Finds and acts, again from the start if the element went away in between. */
  async #act(query: Query, action: (element: WebElement) => Promise<void>): Promise<void> {
    await untilShown(async () => {
      const element = await this.#find(query)
      if (!element) return null
      await action(element)
      return true
    }, describeQuery(query))
  }

  click(query: Query): Promise<void> {
    return this.#act(query, (element) => element.click())
  }

  fill(query: LabelQuery, value: string): Promise<void> {
    return this.#act(query, async (element) => {
      await element.clear()
      await element.sendKeys(value)
    })
  }

  async run<T>(body: string, ...args: unknown[]): Promise<T> {
    const driver = await this.#driver()
    // Execute Script awaits a returned promise (WebDriver §13.2).
    const [printed, result] = await driver.executeScript<[string[], T]>(
      `const printed = ${CONSOLE_RECORDER}
      const result = await (async (...args) => { ${body} })(...arguments)
      return [printed(), result]`,
      ...args,
    )
    this.#messages.push(...printed)
    return result
  }

  async consoleMessages(): Promise<string[]> {
    await this.#driver()
    return [...this.#messages]
  }

  async close(): Promise<void> {
    await this.#session.closeTab(this)
  }
}

class WebKitSession implements BrowserSession {
  readonly #driver: WebDriver
  readonly #tabs: WebKitTab[] = []
  #current: string
  readonly firstTab: Tab

  readonly #process: DriverProcess

  constructor(driver: WebDriver, handle: string, driverProcess: DriverProcess) {
    this.#driver = driver
    this.#process = driverProcess
    this.#current = handle
    const first = new WebKitTab(this, handle)
    this.#tabs.push(first)
    this.firstTab = first
  }

  async switchTo(tab: WebKitTab): Promise<WebDriver> {
    if (this.#current !== tab.handle) {
      await this.#driver.switchTo().window(tab.handle)
      this.#current = tab.handle
    }
    return this.#driver
  }

  async newTab(): Promise<Tab> {
    await this.#driver.switchTo().newWindow('tab')
    this.#current = await this.#driver.getWindowHandle()
    const tab = new WebKitTab(this, this.#current)
    this.#tabs.push(tab)
    return tab
  }

  async closeTab(tab: WebKitTab): Promise<void> {
    await this.switchTo(tab)
    await this.#driver.close()
    this.#tabs.splice(this.#tabs.indexOf(tab), 1)
    const [next] = this.#tabs
    if (next) {
      await this.#driver.switchTo().window(next.handle)
      this.#current = next.handle
    }
  }

  async cookies(url: string): Promise<Cookie[]> {
    // Classic WebDriver reads the cookies of the current document's host.
    const current = new URL(await this.#driver.getCurrentUrl())
    if (current.hostname !== new URL(url).hostname) {
      throw new Error(`WebKit reads the cookies of the current page's host, not ${url}'s`)
    }
    const cookies = await this.#driver.manage().getCookies()
    return cookies.map(({ name, value, domain }) => ({ name, value, domain: domain ?? '' }))
  }

  async close(): Promise<void> {
    try {
      // A browser that hangs may not answer `quit` either; its driver is ended all the same.
      await Promise.race([this.#driver.quit(), delay(QUIT_TIMEOUT_MS)])
    } finally {
      await this.#process.stop()
    }
  }
}

/** How long `close` waits for the driver to quit its browser before ending them both. */
const QUIT_TIMEOUT_MS = 10_000

export interface WebKitPaths {
  /** `WebKitWebDriver`. */
  readonly driver: string
  /** The browser the driver launches with `--automation`. */
  readonly browser: string
  /** The X display MiniBrowser opens its windows on. */
  readonly display: string
}

/** A WebKitWebDriver of its own, for one session: a browser that hangs is ended with it. */
class DriverProcess {
  readonly url: string
  readonly #process: ChildProcess

  private constructor(url: string, child: ChildProcess) {
    this.url = url
    this.#process = child
  }

  static async start(paths: WebKitPaths): Promise<DriverProcess> {
    const port = await freePort()
    // Its own process group, so that `stop` ends the MiniBrowser it launched as well.
    const child = spawn(paths.driver, [`--port=${String(port)}`], {
      env: { ...process.env, DISPLAY: paths.display },
      stdio: 'ignore',
      detached: true,
    })
    const driver = new DriverProcess(`http://127.0.0.1:${String(port)}/`, child)
    try {
      await untilShown(async () => {
        if (child.exitCode !== null) {
          throw new Error(`WebKitWebDriver exited with code ${String(child.exitCode)}`)
        }
        return (await fetch(`${driver.url}status`)).ok ? true : null
      }, 'WebKitWebDriver')
    } catch (error) {
      await driver.stop()
      throw error
    }
    return driver
  }

  async stop(): Promise<void> {
    const { pid, exitCode } = this.#process
    if (pid === undefined || exitCode !== null) return
    const exited = new Promise((resolve) => this.#process.once('exit', resolve))
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      return // already gone
    }
    await exited
  }
}

/**
 * Under load, a MiniBrowser now and then never connects to its driver, and the new session
 * waits forever; such an attempt is ended and made again.
 */
const SESSION_ATTEMPT_MS = 20_000
const SESSION_ATTEMPTS = 3

async function newDriver(
  paths: WebKitPaths,
  args: readonly string[],
): Promise<{ driver: WebDriver; process: DriverProcess }> {
  for (let attempt = 1; ; attempt++) {
    const driverProcess = await DriverProcess.start(paths)
    const session = new Builder()
      .usingServer(driverProcess.url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: paths.browser, args: ['--automation', ...args] },
      })
      .build()
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timed out'>((resolve) => {
      timer = setTimeout(() => {
        resolve('timed out')
      }, SESSION_ATTEMPT_MS)
    })
    try {
      const driver = await Promise.race([session, timedOut])
      if (driver !== 'timed out') return { driver, process: driverProcess }
    } catch (error) {
      if (attempt >= SESSION_ATTEMPTS) {
        await driverProcess.stop()
        throw error
      }
    } finally {
      clearTimeout(timer)
    }
    session.catch(() => undefined) // ended with its driver below
    console.warn(
      `WebKit: no session within ${String(SESSION_ATTEMPT_MS)} ms, attempt ${String(attempt)}`,
    )
    await driverProcess.stop()
    if (attempt >= SESSION_ATTEMPTS) {
      throw new Error(`No WebKit session after ${String(SESSION_ATTEMPTS)} attempts`)
    }
  }
}

export async function launchWebKit(paths: WebKitPaths): Promise<Engine> {
  const probe = await newDriver(paths, [])
  const version = String((await probe.driver.getCapabilities()).get('browserVersion'))
  const baseUserAgent = await probe.driver.executeScript<string>('return navigator.userAgent')
  await probe.driver.quit()
  await probe.process.stop()

  return {
    name: 'webkit',
    version: `webkitgtk/${version}`,
    async open(options: SessionOptions = {}) {
      const args =
        options.userAgentSuffix === undefined
          ? []
          : [`--user-agent=${baseUserAgent} ${options.userAgentSuffix}`]
      const { driver, process: driverProcess } = await newDriver(paths, args)
      return new WebKitSession(driver, await driver.getWindowHandle(), driverProcess)
    },
    async close() {
      // Each session's driver ends with the session.
    },
  }
}
