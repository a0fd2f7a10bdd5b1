import { useEffect, useId, useRef, useState } from 'react'

import { type AuthUser, useAuthClient } from '../auth/react'
import { useReturnPath } from './return-path'

/** The account the provider should offer first when switching: what the user signed in with. */
function loginHintOf(user: AuthUser): string | undefined {
  const { claims } = user
  const hint = [claims.login_hint, claims.preferred_username, claims.email].find(
    (value): value is string => typeof value === 'string' && value !== '',
  )
  return hint
}

/**
 * The signed-in user's menu in the header (a disclosure: a button and the panel it shows): who
 * is signed in, "Switch account" (the provider lets them choose, and they come back to this
 * page) and "Sign out". Escape or a click elsewhere closes it.
 */
export function AccountMenu({ user }: { readonly user: AuthUser }) {
  const auth = useAuthClient()
  const returnTo = useReturnPath()
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const toggle = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setOpen(false)
      toggle.current?.focus()
    }
    const onPointer = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('pointerdown', onPointer)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('pointerdown', onPointer)
    }
  }, [open])

  const hint = loginHintOf(user)
  return (
    <div className="account-menu" ref={menu}>
      <button
        ref={toggle}
        type="button"
        className="account-toggle"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={`Account: ${user.name}`}
        onClick={() => {
          setOpen(!open)
        }}
      >
        {user.name}
      </button>
      {open ? (
        <div id={panelId} className="account-panel">
          <p className="account-name">{user.name}</p>
          {user.email ? <p className="account-email">{user.email}</p> : null}
          <button
            type="button"
            onClick={() => {
              void auth.signIn({
                prompt: 'select_account',
                returnTo,
                ...(hint === undefined ? {} : { loginHint: hint }),
              })
            }}
          >
            Switch account
          </button>
          <button type="button" onClick={() => void auth.signOut()}>
            Sign out
          </button>
        </div>
      ) : null}
    </div>
  )
}
