export { type Me, meQuery } from './me'
export { createQueryClient, shouldRetry, type StepUpRequest } from './query-client'
export {
  addTask,
  deleteTaskKey,
  registerTaskMutations,
  type Task,
  tasksKey,
  tasksQuery,
} from './tasks'
export { apiEndpoint } from './endpoint'
export { ApiError, callApi, isApiError } from '../client'
export type { ApiEndpoint } from '../client'
export { addNote, type Note, notesKey, notesQuery } from './notes'
export { DEMO_API, NOTES_API } from './api-names'
export { refetchAfterWrite } from './refetch-after-write'
export {
  forgetStepUp,
  type PendingStepUp,
  rememberStepUp,
  replayStepUp,
  takeStepUp,
} from './step-up-replay'
