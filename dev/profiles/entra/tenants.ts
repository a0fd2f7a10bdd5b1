import type { DevStack } from '../../config'

/**
 * Demo tenants (tenant IDs are GUIDs): alice's organisation and bob's, so a multi-tenant app
 * sees ID tokens from two tenants; and the B2C directory.
 */
export const TENANT_OF_USER: Readonly<Record<string, string>> = {
  'user-alice': 'a11ce000-0000-4000-8000-000000000001',
  'user-bob': 'b0b00000-0000-4000-8000-000000000002',
}
export const B2C_TENANT = 'b2c00000-0000-4000-8000-00000000b2c0'

export function tenantOf(sub: string): string {
  const tenant = TENANT_OF_USER[sub]
  if (tenant === undefined) throw new Error(`No demo tenant for ${sub}`)
  return tenant
}

/** Entra's tenant issuer `https://login.microsoftonline.com/<tenant>/v2.0`, on the local IdP. */
export function tenantIssuer(stack: DevStack, tenant: string): string {
  return `${stack.issuer}/${tenant}/v2.0`
}
