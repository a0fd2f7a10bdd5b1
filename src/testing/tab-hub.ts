import type { TabChannel, TabMessage } from '../auth/core/tabs/tab-sync'

/**
 * Connects in-memory "tabs" the way BroadcastChannel does: a message reaches every other
 * channel of the hub, asynchronously, as a structured clone.
 */
export function createTabHub() {
  const handlers = new Set<{ handler: (message: unknown) => void; delay: number }>()
  const queues = new Map<string, Promise<unknown>>()
  const held = new Set<LockInfo>()
  const hub = {
    /**
     * A tab's channel. `receiveDelayMs`: how late this tab handles what others post (a busy
     * renderer on a loaded machine).
     */
    channel<M = TabMessage>({ receiveDelayMs = 0 } = {}): TabChannel<M> {
      const self: { handler: (message: unknown) => void; delay: number } = {
        handler: () => undefined,
        delay: receiveDelayMs,
      }
      handlers.add(self)
      return {
        post: (message: M) => {
          const copy = structuredClone(message)
          for (const other of handlers) {
            if (other !== self)
              setTimeout(() => {
                other.handler(copy)
              }, other.delay)
          }
        },
        listen: (handler) => {
          self.handler = handler
        },
      }
    },
    /** A Web Locks stand-in shared by the hub's tabs: exclusive queues, shared holds, query. */
    locks: {
      request: <T>(
        name: string,
        optionsOrTask: LockOptions | (() => Promise<T>),
        maybeTask?: () => Promise<T>,
      ): Promise<T> => {
        const task = typeof optionsOrTask === 'function' ? optionsOrTask : maybeTask
        if (!task) throw new TypeError('no lock callback')
        const mode = typeof optionsOrTask === 'function' ? 'exclusive' : optionsOrTask.mode
        const hold = async () => {
          const lock = { name, mode: mode ?? 'exclusive' }
          held.add(lock)
          try {
            return await task()
          } finally {
            held.delete(lock)
          }
        }
        if (mode === 'shared') return hold()
        const previous = queues.get(name) ?? Promise.resolve()
        const run = previous.then(hold, hold)
        queues.set(
          name,
          run.catch(() => undefined),
        )
        return run
      },
      query: () => Promise.resolve({ held: [...held], pending: [] }),
    } as unknown as LockManager,
    /**
     * A page of its own: its channel and locks, and `unload()`, which does what the browser does
     * when the page goes away (reload, navigation, close): it hears nothing more, and every lock
     * it held is released.
     */
    page() {
      let unloaded: () => void = () => undefined
      const gone = new Promise<void>((resolve) => {
        unloaded = resolve
      })
      const channel = hub.channel()
      const locks = {
        request: <T>(name: string, options: LockOptions, task: () => Promise<T>) =>
          hub.locks.request(name, options, () => Promise.race([task(), gone])),
        query: () => hub.locks.query(),
      } as unknown as LockManager
      return {
        channel,
        locks,
        unload() {
          channel.listen(() => undefined)
          channel.post = () => undefined
          unloaded()
        },
      }
    },
  }
  return hub
}
