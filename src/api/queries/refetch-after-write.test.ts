import { QueryClient, QueryObserver } from '@tanstack/query-core'
import { describe, expect, it } from 'vitest'

import { refetchAfterWrite } from './refetch-after-write'

/** A list whose first fetch is answered before the write but delivered after it. */
function listWithSlowFirstFetch() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  let deliverFirst: (notes: string[]) => void = () => undefined
  let fetches = 0
  const observer = new QueryObserver(queryClient, {
    queryKey: ['notes'],
    queryFn: () => {
      fetches += 1
      if (fetches === 1) return new Promise<string[]>((resolve) => (deliverFirst = resolve))
      return Promise.resolve(['Book the train'])
    },
  })
  const unsubscribe = observer.subscribe(() => undefined)
  return {
    queryClient,
    observer,
    unsubscribe,
    deliverFirst: (notes: string[]) => {
      deliverFirst(notes)
    },
    fetches: () => fetches,
  }
}

describe('refetchAfterWrite', () => {
  it('shows the write even when the list’s first fetch was still in flight', async () => {
    const list = listWithSlowFirstFetch()
    expect(list.observer.getCurrentResult().fetchStatus).toBe('fetching')

    const refreshed = refetchAfterWrite(list.queryClient, { queryKey: ['notes'] })
    list.deliverFirst([]) // the answer from before the write
    await refreshed

    expect(list.observer.getCurrentResult().data).toEqual(['Book the train'])
    expect(list.fetches()).toBe(2)
    list.unsubscribe()
  })

  it('leaves lists nobody observes for later, unless asked for all', async () => {
    const queryClient = new QueryClient()
    let fetches = 0
    queryClient.setQueryData(['tasks'], [])
    queryClient
      .getQueryCache()
      .find({ queryKey: ['tasks'] })
      ?.setOptions({
        queryKey: ['tasks'],
        queryFn: () => {
          fetches += 1
          return Promise.resolve(['Buy milk'])
        },
      })

    await refetchAfterWrite(queryClient, { queryKey: ['tasks'] })
    expect(fetches).toBe(0)
    await refetchAfterWrite(queryClient, { queryKey: ['tasks'] }, 'all')
    expect(fetches).toBe(1)
    expect(queryClient.getQueryData(['tasks'])).toEqual(['Buy milk'])
  })
})
