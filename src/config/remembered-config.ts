import type { LoadedConfig } from './load-config'
import { parseConfig } from './parse-config'

/**
 * Where this tab keeps the config.json it last loaded from `url`: per URL, so two deployments
 * under one origin (`/portal/`, `/admin/`) never start with each other's.
 */
export function rememberedConfigKey(url: string): string {
  return `tessera.config:${url}`
}

type ConfigStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/** One remembered config.json: this tab's storage, under its URL's key. */
interface Slot {
  readonly storage: ConfigStorage
  readonly key: string
}

export interface RememberedConfigOptions {
  readonly storage: ConfigStorage
  /**
   * Called once if the page started with a remembered config.json that the host no longer
   * serves: a deploy changed it (the host's now replaces the copy) or it is unreadable now (the
   * copy is forgotten). Either way a reload starts with the host's, or shows what is wrong.
   */
  readonly onOutdated: () => void
}

/**
 * The config a page starts with: config.json as this tab last loaded it, at once, or else the
 * host's (`load(url)`). Every page load still asks the host (index.html preloads config.json) and
 * remembers its answer; a copy only saves the wait. On a reload the host's answer would otherwise
 * hold up the page's first API request, and it needs a round trip to the host (served
 * `no-store`) that no other part of a signed-in reload needs.
 */
export function loadRememberedConfig(
  url: string,
  load: (url: string) => Promise<LoadedConfig>,
  { storage, onOutdated }: RememberedConfigOptions,
): Promise<LoadedConfig> {
  const slot: Slot = { storage, key: rememberedConfigKey(url) }
  const remembered = recall(slot)
  const fresh = load(url)
  fresh.then(
    (loaded) => {
      const sameSource = loaded.source === remembered?.source
      // Unchanged (the usual page load): nothing to write.
      if (!sameSource || loaded.clockOffsetMs !== remembered.clockOffsetMs) remember(slot, loaded)
      if (remembered !== undefined && !sameSource) onOutdated()
    },
    () => {
      forget(slot)
      if (remembered !== undefined) onOutdated()
    },
  )
  return remembered === undefined ? fresh : Promise.resolve(remembered)
}

/** The remembered config, validated again (storage is only as trusted as the page), if any. */
function recall(slot: Slot): LoadedConfig | undefined {
  try {
    const stored = slot.storage.getItem(slot.key)
    if (stored === null) return undefined
    const { source, clockOffsetMs } = JSON.parse(stored) as Partial<LoadedConfig>
    if (typeof source !== 'string' || typeof clockOffsetMs !== 'number') throw new TypeError()
    return { config: parseConfig(JSON.parse(source)), clockOffsetMs, source }
  } catch {
    forget(slot)
    return undefined
  }
}

function forget({ storage, key }: Slot): void {
  try {
    storage.removeItem(key)
  } catch {
    // Nothing was remembered where storage is unavailable.
  }
}

function remember({ storage, key }: Slot, { source, clockOffsetMs }: LoadedConfig): void {
  try {
    storage.setItem(key, JSON.stringify({ source, clockOffsetMs }))
  } catch {
    // Storage full or unavailable: the next page waits for the host, as without a copy.
  }
}
