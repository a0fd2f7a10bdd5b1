/** App routes, relative to the router's basename. The callback path comes from config.json. */
export const paths = {
  home: '/',
  profile: '/profile',
  tasks: '/tasks',
  notes: '/notes',
  diagnostics: '/diagnostics',
} as const
