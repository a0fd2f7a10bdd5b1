/**
 * How the app reads and writes its APIs, React-free: the route table and the example import
 * this before React loads, so it stays light. The query client and the step-up policy, which
 * bring TanStack Query's runtime, are imported from their own modules by the app's start.
 */
export { ApiError, callApi, isApiError } from '../client'
export type { ApiEndpoint } from '../client'
export {
  type ApiRead,
  type ApiWrite,
  defineRead,
  defineWrite,
  type PathParams,
  readKey,
  readOptions,
  registerWrites,
  startReads,
  writeKey,
} from './define'
export { apiEndpoint } from './endpoint'
export { refetchAfterWrite } from './refetch-after-write'
