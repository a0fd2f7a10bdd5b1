import { isApiError } from '../api/queries'
import { isAuthError, isSignInRequired } from '../auth/react'
import { AlertPanel } from '../components/alert-panel'
import { StatusMessage } from '../components/status-message'

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
  if (isApiError(error)) {
    return (
      <AlertPanel
        title="The API refused the request"
        message={error.message}
        fix={error.fix}
        code={`http_${String(error.status)}`}
      >
        {retry}
      </AlertPanel>
    )
  }
  if (isAuthError(error)) {
    return (
      <AlertPanel
        title="Could not get access"
        message={error.message}
        fix={error.fix}
        code={error.code}
      >
        {retry}
      </AlertPanel>
    )
  }
  return (
    <AlertPanel
      title="Could not reach the API"
      message={error instanceof Error ? error.message : 'The request failed.'}
      fix="Check your connection and try again."
    >
      {retry}
    </AlertPanel>
  )
}
