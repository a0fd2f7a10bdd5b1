import { UsageError } from '../../../errors'
import { AuthError } from '../errors'
import { parseSilentCallbackMessage } from './silent-message'

/** How long the hidden frame may take to come back from the provider. */
export const SILENT_FRAME_TIMEOUT_MS = 10_000

export interface SilentFrameRequest {
  /** The authorization request (`prompt=none`) to load in the frame. */
  readonly url: string
  /** The app's origin: the only origin a response may come from. */
  readonly appOrigin: string
  /** The `state` of this request: a response for any other request is not ours. */
  readonly state: string
  readonly timeoutMs?: number
}

/** The frame got no answer in time (its text lives in this lazy chunk, off the first load). */
export function silentRenewalTimeout(): AuthError {
  return new AuthError('silent_renewal_timeout', {
    message: 'The identity provider did not answer the hidden renewal frame in time.',
    fix: 'Try again. If it repeats, register silent-callback.html as a redirect URI and let the provider be framed by this app.',
  })
}

/** Loads a request in a hidden frame and resolves with the callback URL it ends on. */
export type SilentFrameRunner = (request: SilentFrameRequest) => Promise<string>

/**
 * The browser implementation: a hidden iframe whose silent callback page posts its URL back.
 * SEC-32 (RFC 9700 §4.17.2, OAuth for Browser-Based Apps §6.3.3.3): a message counts only when
 * its `origin` is exactly the app's, its `source` is this very frame's window and its `state` is
 * this request's; anything else is ignored, not failed on, so a forged message cannot even end
 * the attempt. The frame and the listener are removed however it ends.
 */
export function runSilentFrame(
  request: SilentFrameRequest,
  doc: Document = document,
): Promise<string> {
  const view = doc.defaultView
  if (!view) return Promise.reject(new UsageError('Silent renewal needs a window.'))
  const frame = doc.createElement('iframe')
  frame.hidden = true // display: none, so it is out of the accessibility tree and tab order too
  return new Promise<string>((resolve, reject) => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== request.appOrigin) return
      if (event.source === null || event.source !== frame.contentWindow) return
      const url = parseSilentCallbackMessage(event.data)
      if (url === undefined || new URL(url).searchParams.get('state') !== request.state) return
      finish()
      resolve(url)
    }
    const timer = setTimeout(() => {
      finish()
      reject(silentRenewalTimeout())
    }, request.timeoutMs ?? SILENT_FRAME_TIMEOUT_MS)
    const finish = () => {
      clearTimeout(timer)
      view.removeEventListener('message', onMessage)
      frame.remove()
    }
    view.addEventListener('message', onMessage)
    frame.src = request.url
    doc.body.append(frame)
  })
}
