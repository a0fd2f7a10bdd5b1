import type { TabChannel, TabMessage } from '../auth/core/tab-sync'

/**
 * Connects in-memory "tabs" the way BroadcastChannel does: a message reaches every other
 * channel of the hub, asynchronously, as a structured clone.
 */
export function createTabHub() {
  const handlers = new Set<{ handler: (message: unknown) => void }>()
  const locks = new Map<string, Promise<unknown>>()
  return {
    channel(): TabChannel {
      const self: { handler: (message: unknown) => void } = { handler: () => undefined }
      handlers.add(self)
      return {
        post: (message: TabMessage) => {
          const copy = structuredClone(message)
          for (const other of handlers) {
            if (other !== self)
              setTimeout(() => {
                other.handler(copy)
              }, 0)
          }
        },
        listen: (handler) => {
          self.handler = handler
        },
      }
    },
    /** A Web Locks stand-in shared by the hub's tabs (exclusive mode only). */
    locks: {
      request: <T>(name: string, task: () => Promise<T>): Promise<T> => {
        const previous = locks.get(name) ?? Promise.resolve()
        const run = previous.then(task, task)
        locks.set(
          name,
          run.catch(() => undefined),
        )
        return run
      },
    } as unknown as LockManager,
  }
}
