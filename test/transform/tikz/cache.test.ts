import {describe, expect, it} from 'vitest'
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {digest} from '../../../src/cache/digest.js'
import {openCacheStore} from '../../../src/cache/store.js'

describe('cache keys', () => {
  it('do not depend on key order, and cannot be forged by moving text between parts', () => {
    expect(digest({a: 1, b: [true, 'x']})).toBe(digest({b: [true, 'x'], a: 1}))
    expect(digest('ab', 'c')).not.toBe(digest('a', 'bc'))
    expect(digest('1')).not.toBe(digest(1))
    expect(digest('x')).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('the cache store', () => {
  const key = digest('entry')

  it('round-trips entries, written atomically (no temporary files left)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-store-'))
    const store = openCacheStore(dir)
    expect(await store.getJson(key)).toBeUndefined()
    await Promise.all([store.setJson(key, {svg: '<svg/>'}), store.setJson(key, {svg: '<svg/>'})])
    expect(await store.getJson(key)).toEqual({svg: '<svg/>'})
    expect(readdirSync(dir)).toEqual([key])
    expect(store.stats).toEqual({hits: 1, misses: 1, corrupt: 0, writes: 2})
  })

  it('detects a damaged entry, deletes it and reports a miss', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-store-'))
    const store = openCacheStore(dir)
    await store.set(key, 'payload')
    const path = store.pathOf(key)
    writeFileSync(path, readFileSync(path, 'utf8').replace('payload', 'paylord'))
    expect(await store.get(key)).toBeUndefined()
    expect(store.stats.corrupt).toBe(1)
    expect(readdirSync(dir)).toEqual([])
    writeFileSync(path, 'not an entry at all')
    expect(await store.get(key)).toBeUndefined()
    expect(store.stats.corrupt).toBe(2)
  })

  it('refuses keys that are not digests', () => {
    expect(() => openCacheStore(tmpdir()).pathOf('../../etc/passwd')).toThrow(/invalid cache key/)
  })
})
