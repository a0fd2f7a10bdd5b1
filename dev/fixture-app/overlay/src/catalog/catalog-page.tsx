import { useApiRead } from '../api/hooks'
import { QueryErrorAlert } from '../app/query-error-alert'
import { StatusMessage } from '../components/status-message'
import { account } from './catalog'

export function CatalogPage() {
  const me = useApiRead(account)
  return (
    <section className="stack">
      <h1>Catalog</h1>
      <section aria-labelledby="account-heading" className="card">
        <h2 id="account-heading">Your catalog account</h2>
        {me.isPending ? <StatusMessage>Asking the catalog…</StatusMessage> : null}
        {me.isError ? (
          <QueryErrorAlert
            error={me.error}
            onRetry={() => {
              void me.refetch()
            }}
          />
        ) : null}
        {me.data ? <p>{me.data.name}</p> : null}
      </section>
    </section>
  )
}
