import { Link } from 'react-router'

import { useAuth } from '../../auth/react'
import { BRAND } from '../../brand/brand'
import { pagesFor } from '../../pages'
import { useAppConfig } from '../app-config'

export function HomePage() {
  const { user } = useAuth()
  const pages = pagesFor(useAppConfig()).filter((page) => page.signIn && !page.hidden)
  return (
    <section className="stack">
      <h1>{user ? `Welcome back, ${user.name}` : `Welcome to ${BRAND.name}`}</h1>
      <p className="lead">{BRAND.tagline}</p>
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
