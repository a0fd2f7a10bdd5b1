import { Link } from 'react-router'

import { useAuth } from '../../auth/react'
import { paths } from '../paths'
import { DocumentTitle } from '../../components/document-title'

export function HomePage() {
  const { user } = useAuth()
  return (
    <section className="stack">
      <DocumentTitle />
      <h1>{user ? `Welcome back, ${user.name}` : 'Welcome to Tessera'}</h1>
      <p className="lead">
        Tessera signs you in with OpenID Connect and calls protected APIs on your behalf, with
        tokens validated, renewed once and kept only in this tab.
      </p>
      {user ? (
        <ul className="links">
          <li>
            <Link to={paths.profile}>See your profile</Link>
          </li>
          <li>
            <Link to={paths.tasks}>Manage your tasks</Link>
          </li>
        </ul>
      ) : (
        <p>Sign in to see your profile and tasks.</p>
      )}
    </section>
  )
}
