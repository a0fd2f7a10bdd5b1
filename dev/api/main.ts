import { devStack } from '../config'
import { stopOnSignal } from '../stop-on-signal'
import { startDemoApi, startNotesApi } from './server'

const stack = devStack()
const apis = [await startDemoApi(stack), await startNotesApi(stack)]
console.log(`Demo APIs listening on ${apis.map((api) => api.url).join(' and ')}`)
stopOnSignal('demo APIs', apis)
