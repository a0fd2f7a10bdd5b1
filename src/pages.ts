import type { ComponentType } from 'react'

import type { ApiRead, ApiWrite } from './api/queries'
import type { AppConfig } from './config'
import { addNote, notes } from './example/notes'
import { me } from './example/me'
import { addTask, deleteTask, tasks } from './example/tasks'

/** One page of the app. */
export interface Page {
  /** Its path below the app's base: `/orders`, or `/orders/:id` with a parameter. */
  readonly path: string
  /** Its name: the navigation link, the document title, the heading while signing in. */
  readonly title: string
  /** For signed-in users only: a signed-out visitor is sent to sign in and comes back. */
  readonly signIn?: boolean
  /** Left out of the main navigation (e.g. a page with a parameter). */
  readonly hidden?: boolean
  /** Only where config.json's key of this name is true. */
  readonly onlyWith?: 'diagnostics'
  /** What the page reads from APIs: started before React renders it. */
  readonly reads?: readonly ApiRead<unknown>[]
  /** What the page writes: set up at start-up, so a step-up can replay a refused write. */
  readonly writes?: readonly ApiWrite<never>[]
  /** The page's component: a chunk of its own, loaded when the page is shown. */
  readonly component: () => Promise<ComponentType>
}

/**
 * THE route table: the only place a page is declared. The bootstrap, the router, the sign-in
 * guard and the navigation read it; every API name a page reads or writes must be in
 * config.json's `apis` (checked at start-up). React-free: the bootstrap reads it before React.
 */
export const PAGES: readonly Page[] = [
  {
    path: '/',
    title: 'Home',
    component: () => import('./app/routes/home-page').then((m) => m.HomePage),
  },

  // The example (src/example/): pages on the demo and notes APIs. Replace them with yours
  // (README, "Make it yours").
  {
    path: '/profile',
    title: 'Profile',
    signIn: true,
    reads: [me],
    component: () => import('./example/profile-page').then((m) => m.ProfilePage),
  },
  {
    path: '/tasks',
    title: 'Tasks',
    signIn: true,
    reads: [tasks],
    writes: [addTask, deleteTask],
    component: () => import('./example/tasks-page').then((m) => m.TasksPage),
  },
  {
    path: '/notes',
    title: 'Notes',
    signIn: true,
    reads: [notes],
    writes: [addNote],
    component: () => import('./example/notes-page').then((m) => m.NotesPage),
  },
  // End of the example.

  {
    // The sign-in debugger: it works signed out, and after a failed sign-in.
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
