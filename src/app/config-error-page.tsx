import { BRAND } from '../brand/brand'
import { type ConfigError } from '../config'
import { AlertPanel } from './alert-panel'
import { DocumentTitle } from '../components/document-title'
import { ReloadButton } from '../components/reload-button'

/** Shown instead of the app when config.json is missing or invalid: every problem at once. */
export function ConfigErrorPage({ error }: { readonly error: ConfigError }) {
  return (
    <main className="shell-main stack">
      <DocumentTitle page="Configuration error" />
      <h1>{BRAND.name} is not configured correctly</h1>
      <AlertPanel
        title="config.json needs fixing"
        message={error.message.split('\n')[0] ?? ''}
        fix="Edit config.json next to index.html (no rebuild needed), then reload."
        code="config_invalid"
      >
        <ReloadButton />
      </AlertPanel>
      <ul className="problems" aria-label="Problems in config.json">
        {error.problems.map((problem) => (
          <li key={`${problem.path}:${problem.message}`}>
            {problem.path ? <code>{problem.path}</code> : null} {problem.message}
          </li>
        ))}
      </ul>
    </main>
  )
}
