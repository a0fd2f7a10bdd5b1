/** The header's account menu, as a user finds it: by its name and its buttons. */
import type { Locator, Page } from '@playwright/test'

/** The account menu's button ("Account: <name>"): there when someone is signed in. */
export function accountButton(page: Page): Locator {
  return page.getByRole('banner').getByRole('button', { name: /^Account: / })
}

/** Signs out from the account menu. */
export async function signOut(page: Page): Promise<void> {
  await accountButton(page).click()
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()
}
