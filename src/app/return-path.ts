import { useLocation } from 'react-router'

/** The current router location as a path to come back to after signing in. */
export function useReturnPath(): string {
  const { pathname, search, hash } = useLocation()
  return `${pathname}${search}${hash}`
}
