import {describe, expect, it} from 'vitest'
import {parseTiming} from '../../../src/transform/course/timing.js'

describe('parseTiming', () => {
  it.each([
    ['1 hour', 60],
    ['15 minutes', 15],
    ['1h 30m', 90],
    ['1h30m', 90],
    ['90 mins', 90],
    ['1.5 hours', 90],
    ['2 hrs', 120],
    ['1 hour and 15 minutes', 75],
    ['1:30', 90],
    ['45', 45],
    ['about 20 minutes', 20],
    ['Allow approximately 10 min', 10],
    ['20–30 minutes', 30],
    ['1 to 2 hours', 120],
  ])('reads %j as %i minutes', (text, minutes) => {
    expect(parseTiming(text)).toBe(minutes)
  })

  it.each(['', 'a while', 'one hour', '15 fortnights', 'until done'])('cannot read %j', (text) => {
    expect(parseTiming(text)).toBeUndefined()
  })
})
