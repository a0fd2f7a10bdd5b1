import type { AppConfig, ConfigProblem } from '../config'
import { type Page, pagesFor } from '../pages'

/**
 * Every API a page reads or writes that config.json's `apis` lacks, naming the page and the key:
 * a configuration mistake, reported at start-up, never met later as a failed request.
 */
export function missingApis(pages: readonly Page[], config: AppConfig): ConfigProblem[] {
  return pagesFor(config, pages).flatMap((page) => {
    const used = new Set([...(page.reads ?? []), ...(page.writes ?? [])].map(({ api }) => api))
    return [...used]
      .filter((api) => !(api in config.apis))
      .map((api) => ({
        path: `apis.${api}`,
        message: `missing: the page ${page.path} (${page.title}) calls the API "${api}"; add its baseUrl and scopes`,
      }))
  })
}
