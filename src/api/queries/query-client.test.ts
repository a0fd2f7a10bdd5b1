import { QueryObserver } from '@tanstack/query-core'
import { describe, expect, it, vi } from 'vitest'

import { createQueryClient } from './query-client'

describe('createQueryClient', () => {
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
