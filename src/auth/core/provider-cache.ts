import type { JSONWebKeySet } from 'jose'

import { AuthError } from './errors'
import { fetchProviderJson, isRecord } from './http'
import { fetchMetadata, parseMetadata, type ProviderMetadata } from './metadata'
import type { KeyValueStorage } from './session-store'

interface CachedProvider {
  readonly metadata: unknown
  readonly jwks?: unknown
}

/**
 * Discovery and JWKS, fetched at most once per browser session and kept in sessionStorage so the
 * page that completes the redirect does not fetch them again. Both are public data; the cached
 * metadata is re-validated against the configured authority on every read.
 */
export class ProviderCache {
  private metadata: Promise<ProviderMetadata> | undefined
  private jwksFetch: Promise<JSONWebKeySet> | undefined
  private readonly authority: string
  private readonly storage: KeyValueStorage
  private readonly fetchFn: typeof fetch
  private readonly storageKey: string

  private readonly extraOrigins: readonly string[]
  private readonly configuredIssuer: string | undefined

  constructor(
    authority: string,
    storage: KeyValueStorage,
    fetchFn: typeof fetch,
    extraOrigins: readonly string[] = [],
    /** The issuer config.json states when it differs from the authority (B2C, External ID). */
    configuredIssuer?: string,
  ) {
    this.authority = authority
    this.extraOrigins = extraOrigins
    this.configuredIssuer = configuredIssuer
    this.storage = storage
    this.fetchFn = fetchFn
    this.storageKey = `tessera.provider:${authority}`
  }

  getMetadata(): Promise<ProviderMetadata> {
    this.metadata ??= this.loadMetadata().catch((error: unknown) => {
      this.metadata = undefined // a failed discovery must not stick for the life of the page
      throw error
    })
    return this.metadata
  }

  /** The provider's signing keys; `refresh` forces a new fetch (key rotation: unknown `kid`). */
  async getJwks(refresh = false): Promise<JSONWebKeySet> {
    const cached = this.read()
    if (!refresh && cached?.jwks !== undefined && isJwks(cached.jwks)) return cached.jwks
    if (refresh || !this.jwksFetch) {
      this.jwksFetch = this.fetchJwks().finally(() => {
        this.jwksFetch = undefined
      })
    }
    return this.jwksFetch
  }

  /** The signing keys' fetch under way, if any (a fetch the page started ahead). */
  jwksInFlight(): Promise<JSONWebKeySet> | undefined {
    return this.jwksFetch
  }

  private async fetchJwks(): Promise<JSONWebKeySet> {
    const metadata = await this.getMetadata()
    const jwks = await fetchProviderJson(metadata.jwks_uri, 'discovery_failed', this.fetchFn)
    if (!isJwks(jwks)) {
      throw new AuthError('discovery_failed', { message: 'The provider’s JWKS has no "keys".' })
    }
    this.write({ metadata, jwks })
    return jwks
  }

  private async loadMetadata(): Promise<ProviderMetadata> {
    const cached = this.read()
    if (cached) {
      try {
        return parseMetadata(
          cached.metadata,
          this.authority,
          this.extraOrigins,
          this.configuredIssuer,
        )
      } catch {
        this.storage.removeItem(this.storageKey)
      }
    }
    const metadata = await fetchMetadata(
      this.authority,
      this.fetchFn,
      this.extraOrigins,
      this.configuredIssuer,
    )
    this.write({ metadata })
    return metadata
  }

  private read(): CachedProvider | undefined {
    const raw = this.storage.getItem(this.storageKey)
    if (raw === null) return undefined
    try {
      const parsed: unknown = JSON.parse(raw)
      return isRecord(parsed) ? { metadata: parsed.metadata, jwks: parsed.jwks } : undefined
    } catch {
      return undefined
    }
  }

  private write(entry: CachedProvider): void {
    try {
      this.storage.setItem(this.storageKey, JSON.stringify(entry))
    } catch {
      // Storage full or disabled: caching is an optimisation only.
    }
  }
}

function isJwks(value: unknown): value is JSONWebKeySet {
  return isRecord(value) && Array.isArray(value.keys)
}
