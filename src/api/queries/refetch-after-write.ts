import type { QueryClient, QueryFilters } from '@tanstack/query-core'

/**
 * Refetches the lists a write changed. A fetch still in flight may have been answered before the
 * write, and TanStack Query joins (rather than restarts) a first fetch that has no data yet, so
 * the page would get that older answer: cancel in-flight fetches first, then refetch.
 * @param refetchType `all` also refetches lists no component observes yet (a route loader's)
 */
export async function refetchAfterWrite(
  queryClient: QueryClient,
  filters: QueryFilters,
  refetchType: 'active' | 'all' = 'active',
): Promise<void> {
  await queryClient.cancelQueries(filters)
  await queryClient.invalidateQueries({ ...filters, refetchType })
}
