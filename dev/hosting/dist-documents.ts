import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * The HTML documents at the top of a build besides `index.html` (and a `404.html` copy of it
 * from an earlier GitHub Pages deployment), by file name: `silent-callback.html`.
 */
export async function otherDocuments(dist: string): Promise<Record<string, string>> {
  const names = (await readdir(dist)).filter(
    (name) => name.endsWith('.html') && name !== 'index.html' && name !== '404.html',
  )
  const documents = await Promise.all(
    names.map(async (name) => [name, await readFile(path.join(dist, name), 'utf8')] as const),
  )
  return Object.fromEntries(documents)
}
