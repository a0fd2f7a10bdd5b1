import type { ReactNode, Ref } from 'react'

interface AppShellProps {
  readonly brand: ReactNode
  readonly navigation: ReactNode
  readonly account: ReactNode
  /** The `<main>` element, so the app can move focus to it (or into it) on a new page. */
  readonly mainRef?: Ref<HTMLElement>
  readonly children: ReactNode
}

export const MAIN_ID = 'main'

/**
 * The page frame: a skip link, a header with brand, navigation and account controls, then the
 * content. `<main>` takes focus programmatically (tabIndex -1) but is not a tab stop.
 */
export function AppShell({ brand, navigation, account, mainRef, children }: AppShellProps) {
  return (
    <>
      <a
        className="skip-link"
        href={`#${MAIN_ID}`}
        onClick={(event) => {
          // Focus the content without adding a fragment to the router's URL.
          event.preventDefault()
          document.getElementById(MAIN_ID)?.focus()
        }}
      >
        Skip to content
      </a>
      <header className="shell-header">
        <div className="shell-brand">{brand}</div>
        <nav aria-label="Main" className="shell-nav">
          {navigation}
        </nav>
        <div className="shell-account">{account}</div>
      </header>
      <main id={MAIN_ID} ref={mainRef} tabIndex={-1} className="shell-main">
        {children}
      </main>
    </>
  )
}
