import { devStack } from '../config'
import { stopOnSignal } from '../stop-on-signal'
import { startIdentityProvider } from './server'

const idp = await startIdentityProvider(devStack())
console.log(`Identity provider listening on ${idp.url}`)
stopOnSignal('identity provider', [idp])
