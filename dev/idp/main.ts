import { devStack } from '../config'
import { withProfile } from '../profiles'
import { stopOnSignal } from '../stop-on-signal'
import { startIdentityProvider } from './server'

const idp = await startIdentityProvider(withProfile(devStack()))
console.log(`Identity provider listening on ${idp.url}`)
stopOnSignal('identity provider', [idp])
