import { type RefObject, useEffect, useRef } from 'react'
import { useLocation } from 'react-router'

/**
 * After a client-side navigation, moves focus to the new page's `<h1>` (or to `<main>`), so
 * keyboard users start at the content and screen readers announce the page, as a full page load
 * would. The first page of a load keeps the browser's own focus.
 */
export function useFocusOnNavigation(mainRef: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation()
  // The path last focused for; compared rather than "first run" so StrictMode's re-run is a no-op.
  const focusedPath = useRef(pathname)

  useEffect(() => {
    if (focusedPath.current === pathname) return
    focusedPath.current = pathname
    const main = mainRef.current
    if (!main) return
    const heading = main.querySelector('h1')
    if (heading) {
      heading.tabIndex = -1
      heading.focus()
    } else {
      main.focus()
    }
  }, [mainRef, pathname])
}
