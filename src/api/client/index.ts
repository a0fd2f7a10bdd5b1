export { ApiError, ApiUnreachableError, isApiError } from './api-error'
export { type ApiEndpoint, type ApiRequest, callApi, resolveApiUrl } from './call-api'
export { type AuthChallenge, parseWwwAuthenticate } from './www-authenticate'
export { type StepUpChallenge, stepUpFrom } from './step-up'
