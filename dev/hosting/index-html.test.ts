import { describe, expect, it } from 'vitest'

import { indexBasePath, pinBasePath } from './index-html'

const built = (base: string) =>
  [
    '<link rel="icon" href="BASEfavicon.svg" type="image/svg+xml" />',
    '<link rel="preload" href="BASEconfig.json" as="fetch" crossorigin="anonymous" />',
    '<a href="https://example.test/docs">docs</a><link href="//cdn.example.test/x.css">',
    '<script type="module" crossorigin src="BASEassets/index-Ab12.js"></script>',
    '<link rel="stylesheet" crossorigin href="BASEassets/index-Cd34.css">',
  ]
    .join('\n')
    .replaceAll('BASE', base)

describe('pinBasePath', () => {
  it('moves every local URL from the relative build to the base path', () => {
    expect(pinBasePath(built('./'), '/portal/')).toBe(built('/portal/'))
  })

  it('re-pins an index.html already pinned elsewhere, and is idempotent', () => {
    const portal = pinBasePath(built('/'), '/portal/')
    expect(portal).toBe(built('/portal/'))
    expect(pinBasePath(portal, '/portal/')).toBe(portal)
    expect(pinBasePath(portal, '/a/b/')).toBe(built('/a/b/'))
  })

  it('leaves absolute and protocol-relative URLs alone', () => {
    const pinned = pinBasePath(built('/'), '/portal/')
    expect(pinned).toContain('href="https://example.test/docs"')
    expect(pinned).toContain('href="//cdn.example.test/x.css"')
  })

  it('refuses an index.html without the module entry, naming what it looked for', () => {
    expect(() => indexBasePath('<html></html>')).toThrow(/script type="module"/)
  })
})
