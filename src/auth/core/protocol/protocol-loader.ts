import type { createProtocol, ProtocolOptions } from './protocol'

interface ProtocolModule {
  readonly createProtocol: typeof createProtocol
}

let protocolModule: Promise<ProtocolModule> | undefined

/**
 * Starts downloading the protocol code (oidc-client-ts, jose) without waiting for config.json,
 * for pages that will surely need it: signed out, or completing a sign-in.
 */
export function preloadProtocol(): Promise<ProtocolModule> {
  protocolModule ??= import('./protocol').catch((error: unknown) => {
    protocolModule = undefined
    throw error
  })
  return protocolModule
}

export const loadDefaultProtocol = async (options: ProtocolOptions) =>
  (await preloadProtocol()).createProtocol(options)
