import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react'

import { useAuthClient } from '../../auth/react'
import { countdownAnnouncement, formatDuration } from './countdown'

/** Whole seconds left until `deadline`, read from the clock each second (never counted down). */
function useSecondsLeft(deadline: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now())
    }, 1_000)
    return () => {
      clearInterval(timer)
    }
  }, [])
  return Math.max(0, Math.ceil((deadline - now) / 1_000))
}

interface IdleWarningDialogProps {
  /** When every tab signs out (epoch ms). */
  readonly deadline: number
  /** "Stay signed in" (or Escape): ends the warning in every tab. */
  readonly onStay: () => void
}

/**
 * The warning before the idle sign-out: a modal dialog (the page behind is inert) that takes
 * focus to "Stay signed in", is announced by its title and text as it opens, and announces the
 * countdown politely at the last 10 and 5 seconds only. Escape stays signed in.
 */
export function IdleWarningDialog({ deadline, onStay }: IdleWarningDialogProps) {
  const auth = useAuthClient()
  const dialog = useRef<HTMLDialogElement>(null)
  const stay = useRef<HTMLButtonElement>(null)
  const titleId = useId()
  const textId = useId()
  const secondsLeft = useSecondsLeft(deadline)

  useLayoutEffect(() => {
    const element = dialog.current
    if (!element) return
    if (!element.open) element.showModal()
    stay.current?.focus()
    return () => {
      // Closing (before the dialog leaves the page) gives focus back to where it was.
      element.close()
    }
  }, [])

  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      className="idle-dialog"
      onCancel={(event) => {
        event.preventDefault()
        onStay()
      }}
    >
      <h2 id={titleId}>Are you still there?</h2>
      <p id={textId}>
        Nothing has happened in this app for a while. To protect your account, you will be signed
        out in <strong>{formatDuration(secondsLeft * 1_000)}</strong>.
      </p>
      <p role="status" className="visually-hidden">
        {countdownAnnouncement(secondsLeft)}
      </p>
      <div className="dialog-actions">
        <button ref={stay} type="button" className="primary" onClick={onStay}>
          Stay signed in
        </button>
        <button type="button" onClick={() => void auth.signOut()}>
          Sign out
        </button>
      </div>
    </dialog>
  )
}
