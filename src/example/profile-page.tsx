import { useApiRead } from '../api/hooks'
import { QueryErrorAlert } from '../app/query-error-alert'
import { useAuth } from '../auth/react'
import { ClaimsList } from '../components/claims-list'
import { StatusMessage } from '../components/status-message'
import { me as meRead } from './me'

export function ProfilePage() {
  const { user } = useAuth()
  const me = useApiRead(meRead)
  return (
    <section className="stack">
      <h1>Profile</h1>
      <p className="lead">Who you are, as the demo API and your ID token see it.</p>
      <section aria-labelledby="api-heading" className="card">
        <h2 id="api-heading">From the demo API</h2>
        {me.isPending ? (
          <StatusMessage>
            {me.isPaused
              ? 'You are offline; this loads when you reconnect…'
              : 'Asking the API who you are…'}
          </StatusMessage>
        ) : null}
        {me.isError ? (
          <QueryErrorAlert
            error={me.error}
            onRetry={() => {
              void me.refetch()
            }}
          />
        ) : null}
        {me.data ? (
          <dl className="claims">
            <div className="claim">
              <dt>Name</dt>
              <dd>{me.data.name}</dd>
            </div>
            <div className="claim">
              <dt>Email</dt>
              <dd>{me.data.email ?? '—'}</dd>
            </div>
          </dl>
        ) : null}
      </section>
      <section aria-labelledby="claims-heading" className="card">
        <h2 id="claims-heading">ID token claims</h2>
        {user ? <ClaimsList claims={user.claims} /> : null}
      </section>
    </section>
  )
}
