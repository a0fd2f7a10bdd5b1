// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'

import { MemoryStorage } from '../testing/memory-storage'
import type { LoadedConfig } from './load-config'
import { parseConfig } from './parse-config'
import { loadRememberedConfig, rememberedConfigKey } from './remembered-config'

const json = (authority: string) =>
  JSON.stringify({
    authority,
    clientId: 'spa',
    scopes: ['openid'],
    apis: { demo: { baseUrl: 'https://api.example.com', scopes: ['read'] } },
  })

const served = (source: string, clockOffsetMs = 0): LoadedConfig => ({
  config: parseConfig(JSON.parse(source)),
  clockOffsetMs,
  source,
})

/** A host whose answer the test gives when it chooses. */
function slowHost() {
  let answer!: (loaded: LoadedConfig) => void
  let fail!: (error: Error) => void
  const response = new Promise<LoadedConfig>((resolve, reject) => {
    answer = resolve
    fail = reject
  })
  return { load: () => response, answer, fail }
}

const CONFIG_URL = 'https://app.example.com/portal/config.json'
const KEY = rememberedConfigKey(CONFIG_URL)

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

/** The storage of a tab whose earlier page loaded the host's config.json. */
async function tabThatLoaded(authority: string, clockOffsetMs = 0): Promise<MemoryStorage> {
  const storage = new MemoryStorage()
  await loadRememberedConfig(
    CONFIG_URL,
    () => Promise.resolve(served(json(authority), clockOffsetMs)),
    {
      storage,
      onOutdated: vi.fn(),
    },
  )
  return storage
}

describe('loadRememberedConfig', () => {
  it("waits for the host's config.json the first time, and remembers it", async () => {
    const storage = new MemoryStorage()
    const onOutdated = vi.fn()

    const loaded = await loadRememberedConfig(
      CONFIG_URL,
      () => Promise.resolve(served(json('https://idp.example.com'), 1500)),
      { storage, onOutdated },
    )

    expect(loaded.config.authority).toBe('https://idp.example.com')
    expect(JSON.parse(storage.getItem(KEY) ?? '')).toEqual({
      source: json('https://idp.example.com'),
      clockOffsetMs: 1500,
    })
    expect(onOutdated).not.toHaveBeenCalled()
  })

  it('starts with the remembered copy before the host answers, and keeps it if unchanged', async () => {
    const storage = await tabThatLoaded('https://idp.example.com', 7)
    const host = slowHost()
    const onOutdated = vi.fn()

    const loaded = await loadRememberedConfig(CONFIG_URL, host.load, { storage, onOutdated })
    expect(loaded.config.authority).toBe('https://idp.example.com')
    expect(loaded.clockOffsetMs).toBe(7)

    host.answer(served(json('https://idp.example.com')))
    await settle()
    expect(onOutdated).not.toHaveBeenCalled()
  })

  it('says the copy is outdated once the host serves another config.json, and remembers that one', async () => {
    const storage = await tabThatLoaded('https://old.example.com')
    const host = slowHost()
    const onOutdated = vi.fn()

    const loaded = await loadRememberedConfig(CONFIG_URL, host.load, { storage, onOutdated })
    host.answer(served(json('https://new.example.com')))
    await settle()

    expect(loaded.config.authority).toBe('https://old.example.com')
    expect(onOutdated).toHaveBeenCalledTimes(1)
    const next = await loadRememberedConfig(CONFIG_URL, slowHost().load, {
      storage,
      onOutdated: vi.fn(),
    })
    expect(next.config.authority).toBe('https://new.example.com')
  })

  it('forgets the copy and says so when the host cannot serve config.json now', async () => {
    const storage = await tabThatLoaded('https://idp.example.com')
    const host = slowHost()
    const onOutdated = vi.fn()

    await loadRememberedConfig(CONFIG_URL, host.load, { storage, onOutdated })
    host.fail(new Error('the server answered 404'))
    await settle()

    expect(onOutdated).toHaveBeenCalledTimes(1)
    expect(storage.getItem(KEY)).toBeNull()
  })

  it("passes the host's failure on when there is no copy", async () => {
    const onOutdated = vi.fn()

    await expect(
      loadRememberedConfig(CONFIG_URL, () => Promise.reject(new Error('the server answered 404')), {
        storage: new MemoryStorage(),
        onOutdated,
      }),
    ).rejects.toThrow('404')
    expect(onOutdated).not.toHaveBeenCalled()
  })

  it.each([
    ['not JSON', '{'],
    ['no source', JSON.stringify({ clockOffsetMs: 0 })],
    [
      'an invalid config',
      JSON.stringify({ source: json('http://idp.example.com'), clockOffsetMs: 0 }),
    ],
  ])('ignores and forgets a copy that is %s, and waits for the host', async (_, stored) => {
    const storage = new MemoryStorage()
    storage.setItem(KEY, stored)
    const host = slowHost()

    const loading = loadRememberedConfig(CONFIG_URL, host.load, { storage, onOutdated: vi.fn() })
    expect(storage.getItem(KEY)).toBeNull()
    host.answer(served(json('https://idp.example.com')))

    expect((await loading).config.authority).toBe('https://idp.example.com')
  })

  it('keeps one copy per config.json URL, so two deployments on one origin never share one', async () => {
    const storage = await tabThatLoaded('https://portal-idp.example.com')
    const host = slowHost()
    const onOutdated = vi.fn()
    const adminUrl = 'https://app.example.com/admin/config.json'

    const loading = loadRememberedConfig(adminUrl, host.load, { storage, onOutdated })
    host.answer(served(json('https://admin-idp.example.com')))

    expect((await loading).config.authority).toBe('https://admin-idp.example.com')
    await settle()
    expect(onOutdated).not.toHaveBeenCalled()
    const portal = await loadRememberedConfig(CONFIG_URL, slowHost().load, {
      storage,
      onOutdated,
    })
    expect(portal.config.authority).toBe('https://portal-idp.example.com')
  })

  it('still starts when storage refuses to keep the copy', async () => {
    const storage = new MemoryStorage()
    vi.spyOn(storage, 'setItem').mockImplementation(() => {
      throw new DOMException('quota exceeded', 'QuotaExceededError')
    })

    const loaded = await loadRememberedConfig(
      CONFIG_URL,
      () => Promise.resolve(served(json('https://idp.example.com'))),
      { storage, onOutdated: vi.fn() },
    )
    await settle()

    expect(loaded.config.authority).toBe('https://idp.example.com')
  })
})
