import { createHash, timingSafeEqual } from 'node:crypto'
import type { Account, FindAccount } from 'oidc-provider'
import type { DemoUser } from '../config'

function accountFor(user: DemoUser): Account {
  return {
    accountId: user.sub,
    // oidc-provider filters these by the granted scopes (`claims` in the configuration).
    claims: () => ({
      sub: user.sub,
      name: user.name,
      email: user.email,
      email_verified: true,
    }),
  }
}

export function findAccountIn(users: readonly DemoUser[]): FindAccount {
  return (_ctx, sub) => {
    const user = users.find((candidate) => candidate.sub === sub)
    return user === undefined ? undefined : accountFor(user)
  }
}

function sameSecret(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(a), digest(b))
}

/** The demo user with these credentials, if any. */
export function authenticate(
  users: readonly DemoUser[],
  username: string,
  password: string,
): DemoUser | undefined {
  const user = users.find((candidate) => candidate.username === username)
  // Compare against something even for unknown users so both paths cost the same.
  const passwordMatches = sameSecret(password, user?.password ?? '\u0000')
  return user !== undefined && passwordMatches ? user : undefined
}
