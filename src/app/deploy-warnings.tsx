import { createContext, useContext } from 'react'

import { AlertPanel } from './alert-panel'
import type { DeployWarning } from '../config'

/** What bootstrap found wrong with this deployment or device (config/deploy-warnings.ts). */
export const DeployWarningsContext = createContext<readonly DeployWarning[]>([])

/** Every deployment warning, on every page, until the deployer fixes it. */
export function DeployWarnings() {
  const warnings = useContext(DeployWarningsContext)
  return warnings.map((warning) => (
    <AlertPanel
      key={warning.code}
      title="Check this deployment"
      message={warning.message}
      fix={warning.fix}
      code={warning.code}
    />
  ))
}
