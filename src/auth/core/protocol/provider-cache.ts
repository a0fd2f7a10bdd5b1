import type { JSONWebKeySet } from 'jose'

import { AuthError } from '../errors'
import { fetchProviderJson, isRecord } from './http'
import { fetchMetadata, parseMetadata, type ProviderMetadata } from './metadata'
import type { KeyValueStorage } from '../session/session-store'

interface CachedProvider {
  readonly metadata: unknown
  /** When discovery was fetched (epoch ms). */
  readonly fetchedAt?: unknown
  readonly jwks?: unknown
  /** The `jwks_uri` the keys were fetched from. */
  readonly jwksUri?: unknown
}

/**
 * SEC-47: how long a tab trusts the discovery document and signing keys it fetched. Providers
 * rotate keys with overlap (days), and a key that stopped being published must stop verifying.
 */
export const PROVIDER_CACHE_MAX_AGE_MS = 24 * 3600_000

export interface ProviderCacheOptions {
  readonly authority: string
  readonly storage: KeyValueStorage
  readonly fetch: typeof fetch
  /** Origins besides the authority's where the provider's endpoints may live. */
  readonly extraOrigins?: readonly string[]
  /** The issuer config.json states when it differs from the authority (B2C, External ID). */
  readonly configuredIssuer?: string | undefined
  readonly now: () => number
}

/**
 * Discovery and JWKS, fetched at most once a day per tab and kept in sessionStorage so the page
 * that completes the redirect does not fetch them again. Both are public data; the cached
 * metadata is re-validated against the configured authority on every read, and the keys are
 * used only with the `jwks_uri` they came from.
 */
export class ProviderCache {
  private metadata: Promise<ProviderMetadata> | undefined
  private jwksFetch: Promise<JSONWebKeySet> | undefined
  private readonly options: ProviderCacheOptions
  private readonly storageKey: string

  constructor(options: ProviderCacheOptions) {
    this.options = options
    this.storageKey = `tessera.provider:${options.authority}`
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
    if (!refresh && cached?.jwks !== undefined && isJwks(cached.jwks)) {
      const metadata = await this.getMetadata()
      if (cached.jwksUri === metadata.jwks_uri) return cached.jwks
    }
    if (refresh || !this.jwksFetch) {
      this.jwksFetch = this.fetchJwks().finally(() => {
        this.jwksFetch = undefined
      })
    }
    return this.jwksFetch
  }

  private async fetchJwks(): Promise<JSONWebKeySet> {
    const metadata = await this.getMetadata()
    const jwks = await fetchProviderJson(metadata.jwks_uri, 'discovery_failed', this.options.fetch)
    if (!isJwks(jwks)) {
      throw new AuthError('discovery_failed', { message: 'The provider’s JWKS has no "keys".' })
    }
    // The keys age with the discovery document they came with.
    const fetchedAt = this.read()?.fetchedAt ?? this.options.now()
    this.write({ metadata, fetchedAt, jwks, jwksUri: metadata.jwks_uri })
    return jwks
  }

  private async loadMetadata(): Promise<ProviderMetadata> {
    const { authority, extraOrigins = [], configuredIssuer, fetch } = this.options
    const cached = this.read()
    if (cached) {
      try {
        return parseMetadata(cached.metadata, authority, extraOrigins, configuredIssuer)
      } catch {
        this.options.storage.removeItem(this.storageKey)
      }
    }
    const metadata = await fetchMetadata(authority, fetch, extraOrigins, configuredIssuer)
    this.write({ metadata, fetchedAt: this.options.now() })
    return metadata
  }

  /** The cached entry, if it is younger than a day. */
  private read(): CachedProvider | undefined {
    const raw = this.options.storage.getItem(this.storageKey)
    if (raw === null) return undefined
    try {
      const parsed: unknown = JSON.parse(raw)
      if (!isRecord(parsed) || typeof parsed.fetchedAt !== 'number') return undefined
      const age = this.options.now() - parsed.fetchedAt
      if (age < 0 || age > PROVIDER_CACHE_MAX_AGE_MS) return undefined
      return {
        metadata: parsed.metadata,
        fetchedAt: parsed.fetchedAt,
        jwks: parsed.jwks,
        jwksUri: parsed.jwksUri,
      }
    } catch {
      return undefined
    }
  }

  private write(entry: CachedProvider): void {
    try {
      this.options.storage.setItem(this.storageKey, JSON.stringify(entry))
    } catch {
      // Storage full or disabled: caching is an optimisation only.
    }
  }
}

function isJwks(value: unknown): value is JSONWebKeySet {
  return isRecord(value) && Array.isArray(value.keys)
}
