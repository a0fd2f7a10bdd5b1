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
export { createQueryClient, shouldRetry } from './query-client'
export { refetchAfterWrite } from './refetch-after-write'
export { installStepUp, isStepUpReplay, STEP_UP_REPLAY_TTL_MS, type StepUpPolicy } from './step-up'
