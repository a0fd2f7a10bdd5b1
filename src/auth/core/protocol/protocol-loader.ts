import type { ProtocolOptions } from './protocol'

/**
 * The protocol code (oidc-client-ts, jose) is a chunk of its own, loaded when a sign-in or a
 * renewal needs it: a signed-in reload never does. A failed load is retried on the next call.
 */
export const loadDefaultProtocol = async (options: ProtocolOptions) =>
  (await import('./protocol')).createProtocol(options)
