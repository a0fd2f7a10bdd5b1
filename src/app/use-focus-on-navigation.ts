import { type RefObject, useEffect, useRef } from 'react'
import { useLocation } from 'react-router'

function focusHeading(heading: HTMLElement): void {
  heading.tabIndex = -1
  heading.focus()
}

/**
 * After a client-side navigation, moves focus to the new page's `<h1>` (or to `<main>` until the
 * page's code has arrived and shows one), so keyboard users start at the content and screen
 * readers announce the page, as a full page load would. The first page of a load keeps the
 * browser's own focus.
 */
export function useFocusOnNavigation(mainRef: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation()
  // The path last focused for; compared rather than "first run" so StrictMode's re-run is a no-op.
  const focusedPath = useRef(pathname)

  useEffect(() => {
    const main = mainRef.current
    if (focusedPath.current === pathname || !main) return
    const arrived = () => {
      const heading = main.querySelector('h1')
      if (!heading) return false
      focusHeading(heading)
      focusedPath.current = pathname
      return true
    }
    if (arrived()) return
    main.focus()
    const observer = new MutationObserver(() => {
      if (arrived()) observer.disconnect()
    })
    observer.observe(main, { childList: true, subtree: true })
    return () => {
      observer.disconnect()
    }
  }, [mainRef, pathname])
}
