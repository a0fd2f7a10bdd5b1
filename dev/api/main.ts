import { devStack } from '../config'
import { withProfile } from '../profiles'
import { stopOnSignal } from '../stop-on-signal'
import { startDemoApi, startNotesApi } from './server'

const stack = withProfile(devStack())
const apis = [await startDemoApi(stack), await startNotesApi(stack)]
console.log(`Demo APIs listening on ${apis.map((api) => api.url).join(' and ')}`)
stopOnSignal('demo APIs', apis)
