export type { ApiConfig, AppConfig } from './app-config'
export { ConfigError, type ConfigProblem } from './config-error'
export { loadConfig } from './load-config'
export { parseConfig } from './parse-config'
