export type { ApiConfig, AppConfig, RenewalStrategy } from './app-config'
export { ConfigError, type ConfigProblem } from './config-error'
export { type LoadedConfig, loadConfig } from './load-config'
export { parseConfig } from './parse-config'
