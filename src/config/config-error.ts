/** One problem found in `config.json`, with the key it concerns and how to fix it. */
export interface ConfigProblem {
  /** Dotted path of the offending key, e.g. `apis.demo.baseUrl`; empty for the whole file. */
  readonly path: string
  readonly message: string
}

/** `config.json` could not be loaded or is invalid. The app shows every problem at once. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
  readonly problems: readonly ConfigProblem[]

  constructor(summary: string, problems: readonly ConfigProblem[], options?: ErrorOptions) {
    super(
      `${summary}\n${problems.map((p) => `- ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n')}`,
      options,
    )
    this.problems = problems
  }
}
