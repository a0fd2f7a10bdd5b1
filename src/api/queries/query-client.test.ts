import { notifyManager, QueryObserver } from '@tanstack/query-core'
import { describe, expect, it, vi } from 'vitest'

import { createQueryClient } from './query-client'

describe('createQueryClient', () => {
  it('tells components of an answer in the task it arrived in, before any timer', async () => {
    const queryClient = createQueryClient()
    const observer = new QueryObserver(queryClient, {
      queryKey: ['me'],
      queryFn: () => Promise.resolve('Alice'),
    })
    const order: string[] = []
    setTimeout(() => order.push('timer'), 0)
    // Subscribed the way react-query's useQuery subscribes a component.
    const unsubscribe = observer.subscribe(
      notifyManager.batchCalls(() => {
        if (observer.getCurrentResult().data !== undefined) order.push('answer')
      }),
    )

    await vi.waitFor(() => {
      expect(order).toContain('timer')
    })
    expect(order[0]).toBe('answer')
    unsubscribe()
  })

  it('does not ask again when a page renders a request that already failed', async () => {
    const queryClient = createQueryClient()
    const queryFn = vi.fn(() => Promise.reject(new Error('401 after one renewal and one retry')))
    await queryClient.query({ queryKey: ['me'], queryFn }).catch(() => undefined)
    expect(queryFn).toHaveBeenCalledTimes(1)

    // The page's component mounts after bootstrap's request failed.
    const observer = new QueryObserver(queryClient, { queryKey: ['me'], queryFn })
    const unsubscribe = observer.subscribe(() => undefined)
    await new Promise((resolve) => setTimeout(resolve, 10))

    expect(queryFn).toHaveBeenCalledTimes(1)
    expect(observer.getCurrentResult().status).toBe('error')
    unsubscribe()
  })
})
