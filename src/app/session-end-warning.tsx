import { useState } from 'react'

import { useSessionEnd } from '../auth/react'
import { useAppConfig } from './app-config'
import { SignInButton } from './sign-in-button'

/** How long before the session's own end the warning shows (docs/sessions.md). */
export const SESSION_END_WARNING_MS = 5 * 60_000
/** A dismissed warning comes back for the last minute. */
const LAST_CALL_MS = 60_000

/**
 * Warns, a few minutes ahead, that the session is about to end by itself (the provider's
 * refresh-token limit or config.json's `maxSessionAge`), so the user can finish or sign in again
 * at a moment they choose. Announced once; the countdown ticks silently (role="timer").
 */
export function SessionEndWarning() {
  const countdown = useSessionEnd(SESSION_END_WARNING_MS)
  const { maxSessionAge } = useAppConfig()
  const [dismissed, setDismissed] = useState(false)
  if (!countdown) return null
  const { remainingMs, cause } = countdown
  if (dismissed && remainingMs > LAST_CALL_MS) return null

  const endsAt = new Date(countdown.endsAt).toLocaleTimeString([], {
    hour: 'numeric',
    minute: '2-digit',
  })
  const why =
    cause === 'max-session-age' && maxSessionAge !== undefined
      ? `This app asks you to sign in again after ${duration(maxSessionAge)}.`
      : 'Your identity provider ends the session then.'
  return (
    <section className="alert notice" aria-labelledby="session-end-title">
      <div role="alert">
        <p className="alert-title" id="session-end-title">
          Your session ends at {endsAt}
        </p>
        <p>{why} Anything you type on this page is kept: you will find it here after signing in.</p>
      </div>
      <p role="timer" aria-live="off">
        Time left: <strong>{clock(remainingMs)}</strong>
      </p>
      <div className="alert-actions">
        <SignInButton label="Sign in again now" options={{ prompt: 'login' }} />
        {remainingMs > LAST_CALL_MS ? (
          <button
            type="button"
            className="quiet"
            onClick={() => {
              setDismissed(true)
            }}
          >
            Remind me in the last minute
          </button>
        ) : null}
      </div>
    </section>
  )
}

/** `4:05` for 4 minutes 5 seconds (rounded up: 0:00 only at the end). */
function clock(ms: number): string {
  const seconds = Math.ceil(ms / 1000)
  return `${String(Math.floor(seconds / 60))}:${String(seconds % 60).padStart(2, '0')}`
}

function duration(minutes: number): string {
  if (minutes % 60 !== 0) return `${String(minutes)} minutes`
  const hours = minutes / 60
  return hours === 1 ? '1 hour' : `${String(hours)} hours`
}
