import { Link } from 'react-router'

import { paths } from '../paths'

export function NotFoundPage() {
  return (
    <section className="stack">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to={paths.home}>Go to the home page</Link>.
      </p>
    </section>
  )
}
