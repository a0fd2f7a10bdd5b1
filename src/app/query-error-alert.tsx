import { isApiError } from '../api/queries'
import { isAuthError, isSignInRequired } from '../auth/react'
import { AlertPanel } from '../components/alert-panel'
import { StatusMessage } from '../components/status-message'

/** Explains a failed API call. An expired session is left to the session alert. */
export function QueryErrorAlert({
  error,
  onRetry,
}: {
  readonly error: unknown
  readonly onRetry: () => void
}) {
  if (isSignInRequired(error)) return null
  // The step-up policy is already taking the user to confirm it is them.
  if (isApiError(error) && error.stepUp) {
    return <StatusMessage>This needs you to confirm it’s you; taking you there…</StatusMessage>
  }
  const retry = (
    <button type="button" className="primary" onClick={onRetry}>
      Try again
    </button>
  )
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
