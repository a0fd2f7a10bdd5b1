import { type ComponentType, useEffect, useState } from 'react'

import { whenIdle } from './when-idle'
import { StatusMessage } from '../components/status-message'
import type { Page } from '../pages'
import { AlertPanel } from './alert-panel'

/** Page components whose chunk has arrived, by page. */
const loaded = new Map<Page, ComponentType>()

/** Loads `page`'s component (its chunk), once; the returned promise may reject (offline). */
export async function loadComponent(page: Page): Promise<ComponentType> {
  const known = loaded.get(page)
  if (known) return known
  const component = await page.component()
  loaded.set(page, component)
  return component
}

/**
 * Fetches every page's chunk once the browser idles after the first render: later navigations
 * render at once, and still work offline. Failures are left to the page that needs the chunk.
 */
export function preloadPages(pages: readonly Page[]): void {
  whenIdle(() => {
    for (const page of pages) loadComponent(page).catch(() => undefined)
  })
}

interface Loading {
  readonly component?: ComponentType | undefined
  readonly failed?: unknown
}

/**
 * Renders `page`'s component: at once when its chunk is here, else once it arrives. Give it
 * `key={page.path}`: its state is one page's.
 */
export function PageComponent({ page }: { readonly page: Page }) {
  const [{ component: Component, failed }, setLoading] = useState<Loading>(() => ({
    component: loaded.get(page),
  }))
  useEffect(() => {
    if (Component || failed !== undefined) return
    let active = true
    loadComponent(page).then(
      (component) => {
        if (active) setLoading({ component })
      },
      (error: unknown) => {
        if (active) setLoading({ failed: error ?? 'failed' })
      },
    )
    return () => {
      active = false
    }
  }, [page, Component, failed])

  if (Component) return <Component />
  if (failed !== undefined) {
    return (
      <AlertPanel
        title={`${page.title} could not be loaded`}
        message="This page’s code did not arrive: the connection dropped, or a new version was deployed."
        fix="Check your connection, then reload the page."
        code="page_unavailable"
      />
    )
  }
  return <StatusMessage>{`Loading ${page.title}…`}</StatusMessage>
}
