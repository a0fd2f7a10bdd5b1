import { describe, expect, it } from 'vitest'

import { isSelected, projectSelection } from './project-selection'

/** `npx playwright test …` as the runner's process.argv has it. */
const argv = (...args: string[]) => [
  '/usr/bin/node',
  '/repo/node_modules/.bin/playwright',
  'test',
  ...args,
]

describe('projectSelection', () => {
  it('selects every project without --project', () => {
    expect(projectSelection(argv())).toEqual({ all: true })
    expect(projectSelection(argv('e2e/sign-in.spec.ts', '--workers', '1'))).toEqual({ all: true })
  })

  it.each([
    [['--project', 'chromium'], ['chromium']],
    [['--project=chromium'], ['chromium']],
    [
      ['--project', 'chromium', 'hostile'],
      ['chromium', 'hostile'],
    ],
    [
      ['--project', 'chromium', '--project=nginx'],
      ['chromium', 'nginx'],
    ],
    [['e2e/x.spec.ts', '--project', 'provider-*', '--grep', 'sign'], ['provider-*']],
    [['--project=chromium', 'e2e/x.spec.ts'], ['chromium']],
  ])('reads %j as %j', (args, filters) => {
    expect(projectSelection(argv(...args))).toEqual({ all: false, filters })
  })

  it('stops at "--"', () => {
    expect(projectSelection(argv('--', '--project', 'nginx'))).toEqual({ all: true })
  })

  it('selects every project in UI mode, where any can be run later', () => {
    expect(projectSelection(argv('--ui', '--project', 'chromium'))).toEqual({ all: true })
    expect(projectSelection(argv('--project', 'chromium', '--ui-port=0'))).toEqual({ all: true })
  })
})

describe('isSelected', () => {
  const only = (...filters: string[]) => ({ all: false, filters }) as const

  it('matches names exactly, ignoring case', () => {
    expect(isSelected('chromium', only('Chromium'))).toBe(true)
    expect(isSelected('chromium-extra', only('chromium'))).toBe(false)
  })

  it('takes * as a wildcard, and nothing else as a pattern', () => {
    expect(isSelected('provider-okta', only('provider-*'))).toBe(true)
    expect(isSelected('nginx', only('provider-*'))).toBe(false)
    expect(isSelected('provider-okta', only('provider.okta'))).toBe(false)
  })

  it('selects anything when all are', () => {
    expect(isSelected('nginx', { all: true })).toBe(true)
  })
})
