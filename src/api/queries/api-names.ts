/** Names of the APIs in config.json's `apis` that the app's pages call. */
export const DEMO_API = 'demo'
export const NOTES_API = 'notes'
