export { meQueryOptions, useMe, type Me } from './me'
export { createQueryClient, shouldRetry, type StepUpRequest } from './query-client'
export {
  registerTaskMutations,
  type Task,
  tasksQueryOptions,
  useAddTask,
  useDeleteTask,
  useTasks,
} from './tasks'
export { apiEndpoint, useApiEndpoint } from './use-api-endpoint'
export { ApiError, callApi, isApiError } from '../client'
export type { ApiEndpoint } from '../client'
export { type Note, notesQueryOptions, useAddNote, useNotes } from './notes'
export { DEMO_API, NOTES_API } from './api-names'
export {
  forgetStepUp,
  type PendingStepUp,
  rememberStepUp,
  replayStepUp,
  takeStepUp,
} from './step-up-replay'
