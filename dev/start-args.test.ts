import { describe, expect, it } from 'vitest'

import { parseStartArgs } from './start-args'

describe('parseStartArgs', () => {
  it('runs the local stack on the dev server without arguments', () => {
    expect(parseStartArgs([])).toEqual({ kind: 'run', dist: false, configFile: undefined })
  })

  it.each([
    [['--config', 'my.json'], false],
    [['--config=my.json'], false],
    [['--dist', '--config', 'my.json'], true],
    [['--config', 'my.json', '--dist'], true],
  ])('reads %j as the app alone with my.json (dist: %s)', (args, dist) => {
    expect(parseStartArgs(args)).toEqual({ kind: 'run', dist, configFile: 'my.json' })
  })

  it('asks for help', () => {
    expect(parseStartArgs(['--help'])).toEqual({ kind: 'help' })
    expect(parseStartArgs(['-h'])).toEqual({ kind: 'help' })
  })

  it.each([
    [['--config'], /--config/],
    [['--config', '--dist'], /--config/],
    [['--config='], /--config needs the path of a config\.json file/],
    [['--config', 'a.json', '--config', 'b.json'], /--config is given 2 times/],
    [['my.json'], /Unexpected argument 'my\.json'/],
    [['--conifg', 'my.json'], /Unknown option '--conifg'/],
  ])('refuses %j, saying why', (args, why) => {
    const parsed = parseStartArgs(args)
    expect(parsed.kind).toBe('usage-error')
    expect(parsed.kind === 'usage-error' ? parsed.message : '').toMatch(why)
  })

  it('says to put "--" first when npm kept the options for itself', () => {
    // `npm start --config my.json` runs the script with just "my.json".
    const parsed = parseStartArgs(['my.json'], { npm_config_config: 'true' })
    expect(parsed).toEqual({
      kind: 'usage-error',
      message:
        'npm kept --config for itself: put "--" before the options, e.g. npm start -- --config my-config.json',
    })
    expect(parseStartArgs([], { npm_config_dist: 'true' }).kind).toBe('usage-error')
  })
})
