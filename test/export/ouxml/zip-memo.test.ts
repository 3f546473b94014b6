import {describe, expect, it} from 'vitest'
import {mkdtempSync, writeFileSync, utimesSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {memoZip} from '../../../src/export/ouxml/zip-memo.js'
import {forgetSlots as forgetZips} from '../../../src/cache/slot-memo.js'
import {openCacheStore} from '../../../src/cache/store.js'

describe('remembered OU-XML zips', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cb-zipmemo-'))
  const image = join(dir, 'plot.png')
  writeFileSync(image, 'png')
  let made = 0
  const make = async () => new Uint8Array([++made])

  it('makes a zip again only when the XML or a media file changed', async () => {
    const media = [{outPath: 'week-1/plot.png', copyFrom: image}]
    expect(await memoZip('week-1', '<Item/>', media, make)).toEqual(new Uint8Array([1]))
    expect(await memoZip('week-1', '<Item/>', media, make)).toEqual(new Uint8Array([1]))
    expect(await memoZip('week-1', '<Item>changed</Item>', media, make)).toEqual(new Uint8Array([2]))
    writeFileSync(image, 'a different png')
    utimesSync(image, new Date(), new Date(Date.now() + 5000))
    expect(await memoZip('week-1', '<Item>changed</Item>', media, make)).toEqual(new Uint8Array([3]))
    expect(await memoZip('week-1', '<Item>changed</Item>', [{outPath: 'week-1/table.html', data: 'x'}], make)).toEqual(new Uint8Array([4]))
    expect(made).toBe(4)
  })

  it('finds the zip of an earlier build in the cache, and ignores one made from other inputs', async () => {
    const store = openCacheStore(join(dir, 'cache'))
    const first = await memoZip('week-2', '<Item>two</Item>', [], async () => new Uint8Array([7, 7]), store)
    expect(first).toEqual(new Uint8Array([7, 7]))
    forgetZips()
    const fromStore = await memoZip('week-2', '<Item>two</Item>', [], async () => new Uint8Array([9]), store)
    expect(fromStore).toEqual(new Uint8Array([7, 7]))
    forgetZips()
    const changed = await memoZip('week-2', '<Item>two, edited</Item>', [], async () => new Uint8Array([8]), store)
    expect(changed).toEqual(new Uint8Array([8]))
  })
})
