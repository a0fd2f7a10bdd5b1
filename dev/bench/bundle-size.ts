import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

import { decode } from '@jridgewell/sourcemap-codec'

export interface Size {
  readonly raw: number
  readonly gzip: number
  readonly brotli: number
}

export interface BundleReport {
  /** Bootstrap: the entry and its static imports, all a signed-out deep link runs before leaving. */
  readonly bootstrap: Size
  /** JS the browser loads before rendering: the entry, the chunks index.html preloads, and their static imports. */
  readonly firstLoad: Size
  /** JS fetched lazily when signing in or renewing (the protocol chunk and its imports). */
  readonly lazy: Size
  /** Bytes from oidc-client-ts, jose, jwt-decode and src/auth in the first-load JS. */
  readonly authFirstLoad: Size
  /** The same on the sign-in path: first-load plus the lazy protocol chunk. */
  readonly authSignInPath: Size
  /** Lazy chunks off the sign-in path (DPoP, silent renewal, AADSTS fix texts), together. */
  readonly optIn: Size
}

/** The chunk `protocol-loader.ts` imports for sign-in and renewal (Vite names it after it). */
const PROTOCOL_CHUNK = /^assets\/protocol-[\w-]+\.js$/

const AUTH_SOURCES = [
  /node_modules\/oidc-client-ts\//,
  /node_modules\/jose\//,
  /node_modules\/jwt-decode\//,
  /\/src\/auth\//,
]

export function sizeOf(buffer: Buffer): Size {
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  }
}

interface SourceMap {
  readonly sources: string[]
  readonly mappings: string
}

/** The minified bytes of `code` whose source map segments point at an auth source file. */
function authBytes(code: string, map: SourceMap): Buffer {
  const isAuth = map.sources.map((source) => AUTH_SOURCES.some((pattern) => pattern.test(source)))
  const lines = code.split('\n')
  const parts: string[] = []
  decode(map.mappings).forEach((segments, lineIndex) => {
    const line = lines[lineIndex] ?? ''
    segments.forEach((segment, i) => {
      const [column, sourceIndex] = segment
      if (sourceIndex === undefined || !isAuth[sourceIndex]) return
      const end = segments[i + 1]?.[0] ?? line.length
      parts.push(line.slice(column, end))
    })
  })
  return Buffer.from(parts.join(''))
}

/** Follows the static imports of an entry chunk the way the browser's module loader does. */
function staticGraph(dist: string, entry: string): string[] {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const code = readFileSync(join(dist, file), 'utf8')
    for (const match of code.matchAll(
      /(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["'`]\.\/([\w.-]+\.js)["'`]/g,
    )) {
      const imported = match[1]
      if (imported) visit(`assets/${imported}`)
    }
  }
  visit(entry)
  return [...seen]
}

function dynamicImports(
  dist: string,
  files: string[],
  wanted: (file: string) => boolean = () => true,
): string[] {
  const found = new Set<string>()
  for (const file of files) {
    const code = readFileSync(join(dist, file), 'utf8')
    for (const match of code.matchAll(/import\(["'`]\.\/([\w.-]+\.js)["'`]\)/g)) {
      if (match[1] && wanted(`assets/${match[1]}`)) found.add(`assets/${match[1]}`)
    }
  }
  return [...found].flatMap((file) => staticGraph(dist, file)).filter((f) => !files.includes(f))
}

function concatSize(
  dist: string,
  files: string[],
  pick: (code: string, file: string) => Buffer,
): Size {
  return sizeOf(
    Buffer.concat(files.map((file) => pick(readFileSync(join(dist, file), 'utf8'), file))),
  )
}

export function measureBundle(dist: string): BundleReport {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const entry = /<script\b[^>]*\btype="module"[^>]*\bsrc="[^"]*?(assets\/[^"]+\.js)"/.exec(
    html,
  )?.[1]
  if (!entry) throw new Error('dist/index.html has no module entry script')
  // The React app's chunk is a dynamic import, but index.html preloads it: every page that
  // renders needs it at once, so it counts as first load.
  const preloaded = [
    ...html.matchAll(/<link rel="modulepreload"[^>]*href="[^"]*?(assets\/[^"]+\.js)"/g),
  ]
    .map((match) => match[1])
    .filter((file) => file !== undefined)
  const firstLoad = [...new Set([entry, ...preloaded].flatMap((file) => staticGraph(dist, file)))]
  const lazy = dynamicImports(dist, firstLoad, (file) => PROTOCOL_CHUNK.test(file))
  if (lazy.length === 0) throw new Error('no protocol-*.js chunk among the dynamic imports')
  const loaded = [...firstLoad, ...lazy]
  // Every other lazy chunk, loaded only when needed: DPoP, silent renewal, AADSTS fix texts.
  const optIn = dynamicImports(dist, loaded, (file) => !loaded.includes(file))
  const whole = (code: string) => Buffer.from(code)
  const auth = (code: string, file: string) => {
    const map = join(dist, `${file}.map`)
    // The bundler's own runtime chunk has no source map, and no auth code.
    if (!existsSync(map)) return Buffer.alloc(0)
    return authBytes(code, JSON.parse(readFileSync(map, 'utf8')) as SourceMap)
  }
  return {
    bootstrap: concatSize(dist, staticGraph(dist, entry), whole),
    firstLoad: concatSize(dist, firstLoad, whole),
    lazy: concatSize(dist, lazy, whole),
    authFirstLoad: concatSize(dist, firstLoad, auth),
    authSignInPath: concatSize(dist, loaded, auth),
    optIn: concatSize(dist, optIn, whole),
  }
}
