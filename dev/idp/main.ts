import { devStack } from '../config'
import { startIdentityProvider } from './server'

const idp = await startIdentityProvider(devStack())
console.log(`Identity provider listening on ${idp.url}`)

let stopping = false
function stop(signal: NodeJS.Signals): void {
  if (stopping) return
  stopping = true
  console.log(`${signal}: stopping the identity provider`)
  idp.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
