import { useEffect } from 'react'

import { ApiUnreachableError, isApiError } from '../api/client'
import { isAuthError, isSignInRequired } from '../auth/react'
import { ReloadButton } from '../components/reload-button'
import { StatusMessage } from '../components/status-message'
import { ConfigError } from '../config'
import { AlertPanel } from './alert-panel'
import { apiFailureCode } from './user-error-codes'

/** Explains a failed API call. An expired session is left to the session alert. */
export function QueryErrorAlert({
  error,
  onRetry,
  afterStepUp = false,
}: {
  readonly error: unknown
  readonly onRetry: () => void
  /** The request was the replay after the user signed in again for it (SEC-41). */
  readonly afterStepUp?: boolean
}) {
  if (isSignInRequired(error)) return null
  const retry = (
    <button type="button" className="primary" onClick={onRetry}>
      Try again
    </button>
  )
  if (isApiError(error) && error.stepUp) {
    // The step-up policy is already taking the user to confirm it is them.
    if (!afterStepUp) {
      return <StatusMessage>This needs you to confirm it’s you; taking you there…</StatusMessage>
    }
    return (
      <AlertPanel
        title="Still not allowed after signing in again"
        message={`You signed in again, and the API still refused: ${error.message}`}
        fix="Try again to sign in once more. If it keeps refusing, your account or provider cannot give the sign-in this API asks for: ask the API's administrator."
        code="step_up_refused"
      >
        {retry}
      </AlertPanel>
    )
  }
  const code = apiFailureCode(error)
  if (isApiError(error)) {
    return (
      <AlertPanel
        title="The API refused the request"
        message={error.message}
        fix={error.fix}
        code={code}
      >
        {retry}
      </AlertPanel>
    )
  }
  if (isAuthError(error)) {
    return (
      <AlertPanel title="Could not get access" message={error.message} fix={error.fix} code={code}>
        {retry}
      </AlertPanel>
    )
  }
  if (error instanceof ConfigError) {
    // A configuration mistake, never a network failure: retrying cannot help.
    return (
      <AlertPanel
        title="config.json needs fixing"
        message={error.message}
        fix="Fix config.json next to index.html (no rebuild needed), then reload."
        code={code}
      />
    )
  }
  if (error instanceof ApiUnreachableError) {
    return (
      <AlertPanel
        title="Could not reach the API"
        message={error.message}
        fix="Check your connection and try again."
        code={code}
      >
        {retry}
      </AlertPanel>
    )
  }
  return <UnexpectedError error={error} />
}

/** A failure nothing above explains: a bug. Logged once for the developer, shown plainly. */
function UnexpectedError({ error }: { readonly error: unknown }) {
  useEffect(() => {
    console.error('Tessera: an API call failed unexpectedly.', error)
  }, [error])
  return (
    <AlertPanel
      title="Something went wrong"
      message={error instanceof Error ? error.message : String(error)}
      fix="This is a bug in the app; reloading may help. The browser console has the details."
      code="app_error"
    >
      <ReloadButton />
    </AlertPanel>
  )
}
