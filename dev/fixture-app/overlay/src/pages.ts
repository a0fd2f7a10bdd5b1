import type { ComponentType } from 'react'

import type { ApiRead, ApiWrite } from './api/queries'
import { account } from './catalog/catalog'
import type { AppConfig } from './config'

/** One page of the app. */
export interface Page {
  readonly path: string
  readonly title: string
  readonly signIn?: boolean
  readonly hidden?: boolean
  readonly onlyWith?: 'diagnostics'
  readonly reads?: readonly ApiRead<unknown>[]
  readonly writes?: readonly ApiWrite<never>[]
  readonly component: () => Promise<ComponentType>
}

/** A team's own route table: the example is gone, one page calls one API of its own. */
export const PAGES: readonly Page[] = [
  {
    path: '/',
    title: 'Home',
    component: () => import('./app/routes/home-page').then((m) => m.HomePage),
  },
  {
    path: '/catalog',
    title: 'Catalog',
    signIn: true,
    reads: [account],
    component: () => import('./catalog/catalog-page').then((m) => m.CatalogPage),
  },
  {
    path: '/diagnostics',
    title: 'Diagnostics',
    onlyWith: 'diagnostics',
    component: () => import('./app/routes/diagnostics-page').then((m) => m.DiagnosticsPage),
  },
]

/** The pages config.json turns on (`onlyWith`). */
export function pagesFor(config: AppConfig, pages: readonly Page[] = PAGES): Page[] {
  return pages.filter((page) => page.onlyWith === undefined || config[page.onlyWith])
}
