import type { ReactNode } from 'react'

interface AppShellProps {
  readonly brand: ReactNode
  readonly navigation: ReactNode
  readonly account: ReactNode
  readonly children: ReactNode
}

/** The page frame: a header with brand, navigation and account controls, then the content. */
export function AppShell({ brand, navigation, account, children }: AppShellProps) {
  return (
    <>
      <header className="shell-header">
        <div className="shell-brand">{brand}</div>
        <nav aria-label="Main" className="shell-nav">
          {navigation}
        </nav>
        <div className="shell-account">{account}</div>
      </header>
      <main className="shell-main">{children}</main>
    </>
  )
}
