import type { LoadedConfig } from './load-config'
import { parseConfig } from './parse-config'

/** Where this tab keeps the config.json it last loaded. */
export const REMEMBERED_CONFIG_KEY = 'tessera.config'

type ConfigStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

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
 * host's (`load`). Every page load still asks the host (index.html preloads config.json) and
 * remembers its answer; a copy only saves the wait. On a reload the host's answer would otherwise
 * hold up the page's first API request, and it needs a round trip to the host (served
 * `no-store`) that no other part of a signed-in reload needs.
 */
export function loadRememberedConfig(
  load: () => Promise<LoadedConfig>,
  { storage, onOutdated }: RememberedConfigOptions,
): Promise<LoadedConfig> {
  const remembered = recall(storage)
  const fresh = load()
  fresh.then(
    (loaded) => {
      remember(storage, loaded)
      if (remembered !== undefined && loaded.source !== remembered.source) onOutdated()
    },
    () => {
      forget(storage)
      if (remembered !== undefined) onOutdated()
    },
  )
  return remembered === undefined ? fresh : Promise.resolve(remembered)
}

/** The remembered config, validated again (storage is only as trusted as the page), if any. */
function recall(storage: ConfigStorage): LoadedConfig | undefined {
  try {
    const stored = storage.getItem(REMEMBERED_CONFIG_KEY)
    if (stored === null) return undefined
    const { source, clockOffsetMs } = JSON.parse(stored) as Partial<LoadedConfig>
    if (typeof source !== 'string' || typeof clockOffsetMs !== 'number') throw new TypeError()
    return { config: parseConfig(JSON.parse(source)), clockOffsetMs, source }
  } catch {
    forget(storage)
    return undefined
  }
}

function forget(storage: ConfigStorage): void {
  try {
    storage.removeItem(REMEMBERED_CONFIG_KEY)
  } catch {
    // Nothing was remembered where storage is unavailable.
  }
}

function remember(storage: ConfigStorage, { source, clockOffsetMs }: LoadedConfig): void {
  try {
    storage.setItem(REMEMBERED_CONFIG_KEY, JSON.stringify({ source, clockOffsetMs }))
  } catch {
    // Storage full or unavailable: the next page waits for the host, as without a copy.
  }
}
