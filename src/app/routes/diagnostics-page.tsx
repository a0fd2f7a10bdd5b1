import { useEffect, useState } from 'react'

import type { SignInDiagnosis } from '../../auth/core'
import { type AuthEventName, useAuth, useAuthClient } from '../../auth/react'
import { clockText, diagnosisReport } from '../diagnosis-report'
import { StatusMessage } from '../../components/status-message'
import { TokenTable } from '../../components/token-table'

const EVENTS: readonly AuthEventName[] = [
  'signed-in',
  'token-renewed',
  'renewal-failed',
  'interaction-required',
  'signed-out',
]
const MAX_EVENTS = 20

interface LoggedEvent {
  readonly id: number
  readonly at: string
  readonly name: AuthEventName
  readonly detail: string
}

/**
 * The sign-in debugger (`"diagnostics": true`), signed in or not: what to register at the
 * provider, what its discovery says and whether Tessera accepts it, the clock, the last
 * failure, each access token's claims, recent auth events, and a report to copy. No token is
 * ever shown.
 */
export function DiagnosticsPage() {
  const auth = useAuthClient()
  const { user } = useAuth()
  const [diagnosis, setDiagnosis] = useState<SignInDiagnosis | undefined>()
  const [copied, setCopied] = useState('')
  useEffect(() => {
    let active = true
    auth.diagnose().then(
      (found) => {
        if (active) setDiagnosis(found)
      },
      (error: unknown) => {
        console.error('Tessera: the sign-in debugger could not run.', error)
      },
    )
    return () => {
      active = false
    }
  }, [auth, user])
  const [rows, setRows] = useState(() => auth.inspectTokens())
  const [events, setEvents] = useState<readonly LoggedEvent[]>([])

  useEffect(() => {
    const timer = setInterval(() => {
      setRows(auth.inspectTokens())
    }, 1_000)
    let id = 0
    const unsubscribe = EVENTS.map((name) =>
      auth.on(name, (event) => {
        const detail = Object.entries(event)
          .map(([key, value]) => `${key}=${value instanceof Error ? value.message : String(value)}`)
          .join(' ')
        setEvents((list) =>
          [{ id: ++id, at: new Date().toLocaleTimeString(), name, detail }, ...list].slice(
            0,
            MAX_EVENTS,
          ),
        )
        setRows(auth.inspectTokens())
      }),
    )
    return () => {
      clearInterval(timer)
      for (const off of unsubscribe) off()
    }
  }, [auth])

  const report = diagnosis && diagnosisReport(diagnosis)
  return (
    <section className="stack">
      <h1>Diagnostics</h1>
      <p className="lead">
        The sign-in debugger: what to register at your provider, and what Tessera sees. Tokens are
        never shown.
      </p>
      {diagnosis ? <Findings diagnosis={diagnosis} /> : <StatusMessage>Checking…</StatusMessage>}
      {report ? (
        <div className="stack">
          <button
            type="button"
            onClick={() => {
              navigator.clipboard.writeText(report).then(
                () => {
                  setCopied('Report copied.')
                },
                () => {
                  setCopied('The browser refused the clipboard: select the report below instead.')
                },
              )
            }}
          >
            Copy report
          </button>
          <StatusMessage>{copied}</StatusMessage>
          <label htmlFor="diagnosis-report">Report (tokens redacted)</label>
          <textarea id="diagnosis-report" className="report" readOnly rows={12} value={report} />
        </div>
      ) : null}
      {user ? <TokenTable rows={rows} /> : null}
      <section aria-labelledby="events-heading" className="card">
        <h2 id="events-heading">Auth events</h2>
        {events.length === 0 ? (
          <p className="muted">No events since this page opened.</p>
        ) : (
          <ol className="events" aria-label="Auth events">
            {events.map((event) => (
              <li key={event.id}>
                <time>{event.at}</time> <strong>{event.name}</strong> {event.detail}
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  )
}

function Findings({ diagnosis }: { readonly diagnosis: SignInDiagnosis }) {
  const { discovery, lastError } = diagnosis
  return (
    <>
      <section aria-labelledby="register-heading" className="card">
        <h2 id="register-heading">Register at your provider</h2>
        <dl className="claims">
          <Fact name="Redirect URI" value={diagnosis.redirectUri} />
          <Fact name="Post-logout redirect URI" value={diagnosis.postLogoutRedirectUri} />
          {diagnosis.silentRedirectUri ? (
            <Fact name="Silent renewal URI" value={diagnosis.silentRedirectUri} />
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="provider-heading" className="card">
        <h2 id="provider-heading">Provider</h2>
        <dl className="claims">
          <Fact name="Authority" value={diagnosis.authority} />
          <Fact name="Expected issuer" value={diagnosis.expectedIssuer} />
          <Fact name="Discovery" value={discovery.url} />
          {'unreachable' in discovery ? (
            <Fact name="Discovery could not be read" value={discovery.unreachable} />
          ) : (
            <>
              <Fact name="Discovery names the issuer" value={discovery.issuer ?? '(none)'} />
              <Fact name="Verdict" value={discovery.problem ?? 'accepted'} />
              {discovery.endpoints.map((endpoint) => (
                <Fact
                  key={endpoint.name}
                  name={endpoint.name}
                  value={`${endpoint.url}${endpoint.allowed ? '' : ' — its origin is not allowed (providerOrigins)'}`}
                />
              ))}
            </>
          )}
          <Fact name="Clock" value={clockText(diagnosis.clockOffsetMs)} />
        </dl>
      </section>
      <section aria-labelledby="failure-heading" className="card">
        <h2 id="failure-heading">Last failure</h2>
        {lastError ? (
          <dl className="claims">
            <Fact name="Code" value={lastError.code} />
            <Fact name="What happened" value={lastError.message} />
            {lastError.providerError ? (
              <Fact
                name="The provider said"
                value={[lastError.providerError, lastError.providerErrorDescription]
                  .filter(Boolean)
                  .join(': ')}
              />
            ) : null}
            <Fact name="What to do" value={lastError.fix} />
          </dl>
        ) : (
          <p className="muted">None in this tab.</p>
        )}
      </section>
      {diagnosis.tokens.some((token) => token.claims) ? (
        <section aria-labelledby="claims-heading" className="card">
          <h2 id="claims-heading">Access token claims</h2>
          <dl className="claims">
            {diagnosis.tokens.flatMap((token) =>
              token.claims
                ? [
                    <Fact
                      key={token.api}
                      name={token.api}
                      value={`aud ${JSON.stringify(token.claims.aud)}, scope ${JSON.stringify(token.claims.scope)}, iss ${JSON.stringify(token.claims.iss)}, exp ${typeof token.claims.exp === 'number' ? new Date(token.claims.exp * 1000).toISOString() : String(token.claims.exp)}`}
                    />,
                  ]
                : [],
            )}
          </dl>
        </section>
      ) : null}
    </>
  )
}

function Fact({ name, value }: { readonly name: string; readonly value: string }) {
  return (
    <div className="claim">
      <dt>{name}</dt>
      <dd>
        <code>{value}</code>
      </dd>
    </div>
  )
}
