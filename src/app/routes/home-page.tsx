import { Link } from 'react-router'

import { useAuth } from '../../auth/react'
import { pagesFor } from '../../pages'
import { useAppConfig } from '../app-config'

export function HomePage() {
  const { user } = useAuth()
  const pages = pagesFor(useAppConfig()).filter((page) => page.signIn && !page.hidden)
  return (
    <section className="stack">
      <h1>{user ? `Welcome back, ${user.name}` : 'Welcome to Tessera'}</h1>
      <p className="lead">
        Tessera signs you in with OpenID Connect and calls protected APIs on your behalf, with
        tokens validated, renewed once and kept only in this tab.
      </p>
      {user ? (
        <ul className="links" aria-label="Your pages">
          {pages.map((page) => (
            <li key={page.path}>
              <Link to={page.path}>{page.title}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>Sign in to see your pages.</p>
      )}
    </section>
  )
}
