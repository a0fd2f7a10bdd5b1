import { useMutation, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'

import { useAuth, useAuthClient } from '../../auth/react'
import {
  type ApiRead,
  type ApiWrite,
  apiEndpoint,
  type PathParams,
  readOptions,
  writeKey,
} from '../queries'
import { useFailedStepUpReplay } from './use-step-up-replay'

/** Reads `read` for the signed-in user, with the right access token at request time. */
export function useApiRead<TData>(read: ApiRead<TData>, params?: PathParams) {
  const auth = useAuthClient()
  const { user } = useAuth()
  const endpoint = useMemo(() => apiEndpoint(auth, read.api), [auth, read.api])
  return useQuery(readOptions(read, endpoint, user?.sub, params))
}

/**
 * Sends `write` (registered at start-up: `registerWrites`), and tells of its replay after a
 * step-up when that failed: the replay ran before the page rendered, outside this hook.
 */
export function useApiWrite<TVariables, TResult>(write: ApiWrite<TVariables, TResult>) {
  const mutation = useMutation<TResult, Error, TVariables>({ mutationKey: writeKey(write) })
  const failedReplay = useFailedStepUpReplay(writeKey(write))
  return { ...mutation, failedReplay }
}
