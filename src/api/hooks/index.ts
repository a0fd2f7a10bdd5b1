export { useApiEndpoint } from './use-api-endpoint'
export { useMe } from './use-me'
export { useAddNote, useNotes } from './use-notes'
export { useAddTask, useDeleteTask, useTasks } from './use-tasks'
