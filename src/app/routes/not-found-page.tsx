import { Link } from 'react-router'

import { DocumentTitle } from '../../components/document-title'

export function NotFoundPage() {
  return (
    <section className="stack">
      <DocumentTitle page="Page not found" />
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Go to the home page</Link>.
      </p>
    </section>
  )
}
