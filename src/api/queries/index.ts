export { type Me, meQuery } from './me'
export { createQueryClient, shouldRetry } from './query-client'
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
export { installStepUp, isStepUpReplay, STEP_UP_REPLAY_TTL_MS, type StepUpPolicy } from './step-up'
