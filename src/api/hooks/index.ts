export { useApiRead, useApiWrite } from './use-api'
export { type FailedReplay, useFailedStepUpReplay } from './use-step-up-replay'
