import { useEffect } from 'react'
import type { FallbackProps } from 'react-error-boundary'

import { AlertPanel } from '../alert-panel'
import { DocumentTitle } from '../../components/document-title'
import { ReloadButton } from '../../components/reload-button'

/** Last line of defence: an unexpected render error becomes a message, not a blank page. */
export function RouteErrorPage({ error }: FallbackProps) {
  useEffect(() => {
    console.error('Tessera: unexpected error while rendering this page.', error)
  }, [error])
  return (
    <main className="shell-main stack">
      <DocumentTitle page="Something went wrong" />
      <h1>Something went wrong</h1>
      <AlertPanel
        title="This page could not be shown"
        message={error instanceof Error ? error.message : 'An unexpected error occurred.'}
        fix="Reload the page. If it keeps happening, tell us what you were doing."
        code="app_error"
      >
        <ReloadButton />
      </AlertPanel>
    </main>
  )
}
