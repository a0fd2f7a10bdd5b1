export interface AuthChallenge {
  /** Lower-cased auth scheme, e.g. `bearer`. */
  readonly scheme: string
  /** Lower-cased parameter names with unquoted values (RFC 9110 §11.2). */
  readonly params: Readonly<Record<string, string>>
}

// token68 or auth-param list after a scheme; quoted-string values may contain escaped quotes.
const PARAM = /([!#$%&'*+.^_`|~\w-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s,]*)/y

/**
 * Parses a `WWW-Authenticate` header (RFC 9110 §11.6.1, RFC 6750 §3) into its challenges.
 * Hand-written because the header is tiny and the registry's parsers are unmaintained.
 */
export function parseWwwAuthenticate(header: string | null): AuthChallenge[] {
  if (!header) return []
  const challenges: { scheme: string; params: Record<string, string> }[] = []
  let index = 0
  while (index < header.length) {
    const rest = header.slice(index)
    const skip = /^[\s,]*/.exec(rest)?.[0].length ?? 0
    index += skip
    PARAM.lastIndex = index
    const param = PARAM.exec(header)
    const current = challenges.at(-1)
    if (param && current) {
      const [whole, name = '', rawValue = ''] = param
      const value = rawValue.startsWith('"')
        ? rawValue.slice(1, -1).replace(/\\(.)/g, '$1')
        : rawValue
      current.params[name.toLowerCase()] = value
      index += whole.length
      continue
    }
    const scheme = /^[!#$%&'*+.^_`|~\w-]+/.exec(header.slice(index))?.[0]
    if (!scheme) break
    challenges.push({ scheme: scheme.toLowerCase(), params: {} })
    index += scheme.length
  }
  return challenges
}
