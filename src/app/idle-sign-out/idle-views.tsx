import type { IdleSignOut } from '../../idle-sign-out'
import { useIdleSignOutView } from './idle-context'
import { IdleSignedOutAlert } from './idle-signed-out-alert'
import { IdleWarningDialog } from './idle-warning-dialog'

/**
 * What the idle sign-out shows: the warning dialog, then why the user is signed out. A chunk of
 * its own, loaded only where config.json turns idle sign-out on.
 */
export function IdleSignOutViews({ idle }: { readonly idle: IdleSignOut }) {
  const view = useIdleSignOutView(idle)
  switch (view.kind) {
    case 'warning':
      return (
        <IdleWarningDialog
          deadline={view.deadline}
          onStay={() => {
            idle.stay()
          }}
        />
      )
    case 'signed-out':
      return <IdleSignedOutAlert timeoutMs={idle.timeoutMs} />
    case 'nothing':
      return null
  }
}
