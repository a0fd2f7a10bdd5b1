import { createContext, use } from 'react'

import type { AppConfig } from '../config'

export const AppConfigContext = createContext<AppConfig | null>(null)

/** The app's config.json, as bootstrap loaded it; throws outside the app. */
export function useAppConfig(): AppConfig {
  const config = use(AppConfigContext)
  if (!config) throw new Error('useAppConfig must be used inside <App>.')
  return config
}
