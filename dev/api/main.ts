import { devStack } from '../config'
import { startDemoApi, startNotesApi } from './server'

const stack = devStack()
const apis = [await startDemoApi(stack), await startNotesApi(stack)]
console.log(`Demo APIs listening on ${apis.map((api) => api.url).join(' and ')}`)

let stopping = false
function stop(signal: NodeJS.Signals): void {
  if (stopping) return
  stopping = true
  console.log(`${signal}: stopping the demo APIs`)
  Promise.all(apis.map((api) => api.close())).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
