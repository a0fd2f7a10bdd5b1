import { describe, expect, it } from 'vitest'

import { browserPath, currentAppPath, deployBaseUrl, routerBasename } from './deploy-base'

describe('deployBaseUrl', () => {
  it.each([
    ['https://app.example.test/assets/index-Ab12.js', 'https://app.example.test/'],
    ['https://app.example.test/portal/assets/index-Ab12.js', 'https://app.example.test/portal/'],
    ['http://127.0.0.1:8080/a/b/assets/chunk-Cd34.js', 'http://127.0.0.1:8080/a/b/'],
  ])('finds the base of the built chunk %s', (moduleUrl, base) => {
    expect(deployBaseUrl(moduleUrl)).toBe(base)
  })

  it('uses the configured base on the dev server, whatever the module path', () => {
    expect(deployBaseUrl('http://127.0.0.1:5173/src/main.tsx', '/')).toBe('http://127.0.0.1:5173/')
  })
})

describe('routerBasename', () => {
  it.each([
    ['https://app.example.test/', '/'],
    ['https://app.example.test/portal/', '/portal'],
    ['https://app.example.test/a/b/', '/a/b'],
  ])('turns %s into %s', (base, basename) => {
    expect(routerBasename(base)).toBe(basename)
  })
})

describe('browserPath', () => {
  it.each([
    ['/', '/profile?tab=1#top', '/profile?tab=1#top'],
    ['/portal', '/profile', '/portal/profile'],
    ['/a/b', '/', '/a/b/'],
  ])('puts %s in front of %s', (basename, appPath, path) => {
    expect(browserPath(basename, appPath)).toBe(path)
  })

  it('is the inverse of currentAppPath', () => {
    for (const basename of ['/', '/portal']) {
      const url = new URL(browserPath(basename, '/notes?q=x#n1'), 'https://app.example.test')
      expect(currentAppPath(basename, url as unknown as Location)).toBe('/notes?q=x#n1')
    }
  })
})
