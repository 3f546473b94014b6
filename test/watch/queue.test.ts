import {describe, expect, it} from 'vitest'
import {createBuildQueue} from '../../src/watch/queue.js'

/** A manual clock: timers fire only when the test says so. */
function manualTimers() {
  let next: (() => void) | undefined
  return {
    setTimer: (fn: () => void) => {
      next = fn
      return fn
    },
    clearTimer: () => {
      next = undefined
    },
    fire() {
      const fn = next
      next = undefined
      fn?.()
    },
  }
}

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return {promise, resolve}
}

describe('createBuildQueue', () => {
  it('batches a burst of events into one build', async () => {
    const timers = manualTimers()
    const builds: string[][] = []
    const queue = createBuildQueue({...timers, build: async (paths) => void builds.push([...paths].sort())})
    queue.push('a.md')
    queue.push('b.md')
    queue.push('a.md')
    expect(builds).toEqual([])
    timers.fire()
    await queue.idle()
    expect(builds).toEqual([['a.md', 'b.md']])
  })

  it('coalesces events arriving during a build into exactly one follow-up build', async () => {
    const timers = manualTimers()
    const builds: string[][] = []
    const gates = [deferred(), deferred()]
    const queue = createBuildQueue({
      ...timers,
      build: async (paths) => {
        builds.push([...paths].sort())
        await gates[builds.length - 1]!.promise
      },
    })
    queue.push('a.md')
    timers.fire()
    expect(builds).toEqual([['a.md']])
    queue.push('b.md')
    queue.push('c.md')
    queue.push('b.md')
    gates[0]!.resolve()
    gates[1]!.resolve()
    await queue.idle()
    expect(builds).toEqual([['a.md'], ['b.md', 'c.md']])
  })

  it('keeps going after a build fails', async () => {
    const timers = manualTimers()
    let calls = 0
    const queue = createBuildQueue({
      ...timers,
      build: async () => {
        calls++
        if (calls === 1) throw new Error('broken config')
      },
    })
    queue.push('site.config.ts')
    timers.fire()
    await queue.idle()
    queue.push('site.config.ts')
    timers.fire()
    await queue.idle()
    expect(calls).toBe(2)
  })

  it('is idle at once when nothing happened', async () => {
    const queue = createBuildQueue({build: async () => undefined})
    await expect(queue.idle()).resolves.toBeUndefined()
  })
})
