import { devStack } from '../config'
import { startDemoApi } from './server'

const api = await startDemoApi(devStack())
console.log(`Demo API listening on ${api.url}`)

let stopping = false
function stop(signal: NodeJS.Signals): void {
  if (stopping) return
  stopping = true
  console.log(`${signal}: stopping the demo API`)
  api.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
