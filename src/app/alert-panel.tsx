import type { ReactNode } from 'react'

import type { UserErrorCode } from './user-error-codes'

interface AlertPanelProps {
  readonly title: string
  readonly message: string
  /** What the reader can do about it. */
  readonly fix?: string | undefined
  /** A code to look up in docs/troubleshooting.md. */
  readonly code?: UserErrorCode | undefined
  /** The provider's own words, shown as received. */
  readonly detail?: string | undefined
  /** The one action that helps (e.g. a "Sign in" button). */
  readonly children?: ReactNode
}

/** An error the user must see: what happened, what to do, and one action. */
export function AlertPanel({ title, message, fix, code, detail, children }: AlertPanelProps) {
  return (
    <div role="alert" className="alert">
      <p className="alert-title">{title}</p>
      <p>{message}</p>
      {detail ? <p className="alert-detail">Provider said: {detail}</p> : null}
      {fix ? <p>{fix}</p> : null}
      {code ? (
        <p className="alert-code">
          Error code: <code>{code}</code>
        </p>
      ) : null}
      {children ? <div className="alert-actions">{children}</div> : null}
    </div>
  )
}
