import {describe, expect, it} from 'vitest'
import {mkdtempSync, readFileSync, statSync, writeFileSync, existsSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {writeSiteAtomically, type SiteEntry} from '../../src/write/site.js'

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'cb-reuse-'))
  const source = join(dir, 'picture.png')
  writeFileSync(source, 'PNG bytes')
  return {out: join(dir, 'dist'), manifest: join(dir, 'cache', 'site.json'), source}
}

const site = (source: string, page = '<p>one</p>'): SiteEntry[] => [
  {outPath: 'index.html', data: '<h1>Home</h1>'},
  {outPath: 'week-1/page.html', data: page},
  {outPath: 'week-1/picture.png', copyFrom: source},
]

const inode = (path: string) => statSync(path).ino

describe('writing a site over its previous version', () => {
  it('touches nothing when the new site is the same as the one on disk', async () => {
    const {out, manifest, source} = setup()
    expect(await writeSiteAtomically(out, site(source), {manifest})).toEqual({written: 3, reused: 0, unchanged: false})
    const before = inode(join(out, 'index.html'))
    const mtime = statSync(join(out, 'week-1/page.html')).mtimeMs
    expect(await writeSiteAtomically(out, site(source), {manifest})).toEqual({written: 0, reused: 3, unchanged: true})
    expect(inode(join(out, 'index.html'))).toBe(before)
    expect(statSync(join(out, 'week-1/page.html')).mtimeMs).toBe(mtime)
  })

  it('writes only what changed, and carries the rest over as the same files', async () => {
    const {out, manifest, source} = setup()
    await writeSiteAtomically(out, site(source), {manifest})
    const home = inode(join(out, 'index.html'))
    const result = await writeSiteAtomically(out, site(source, '<p>two</p>'), {manifest})
    expect(result).toEqual({written: 1, reused: 2, unchanged: false})
    expect(readFileSync(join(out, 'week-1/page.html'), 'utf8')).toBe('<p>two</p>')
    expect(inode(join(out, 'index.html'))).toBe(home)
  })

  it('rewrites a file edited on disk since, a changed source, and drops files no longer in the site', async () => {
    const {out, manifest, source} = setup()
    await writeSiteAtomically(out, [...site(source), {outPath: 'old.html', data: 'gone soon'}], {manifest})
    writeFileSync(join(out, 'index.html'), '<h1>Edited by hand</h1>')
    writeFileSync(source, 'new PNG bytes, longer')
    const result = await writeSiteAtomically(out, site(source), {manifest})
    expect(result.written).toBe(2)
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<h1>Home</h1>')
    expect(readFileSync(join(out, 'week-1/picture.png'), 'utf8')).toBe('new PNG bytes, longer')
    expect(existsSync(join(out, 'old.html'))).toBe(false)
  })

  it('compares bytes when the manifest is damaged, and writes everything when the site was removed', async () => {
    const {out, manifest, source} = setup()
    await writeSiteAtomically(out, site(source), {manifest})
    writeFileSync(manifest, '{"version": 1, "files": ')
    expect(await writeSiteAtomically(out, site(source), {manifest})).toEqual({written: 0, reused: 3, unchanged: false})
    const {rmSync} = await import('node:fs')
    rmSync(out, {recursive: true})
    expect((await writeSiteAtomically(out, site(source), {manifest})).written).toBe(3)
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<h1>Home</h1>')
  })
})

describe('writing a site without a manifest (a build without its cache)', () => {
  it('carries over the files whose bytes are the same, and writes those that differ, even at the same size', async () => {
    const {out, source} = setup()
    await writeSiteAtomically(out, site(source))
    const home = inode(join(out, 'index.html'))
    const picture = inode(join(out, 'week-1/picture.png'))
    // Same length as '<p>one</p>', other bytes.
    const result = await writeSiteAtomically(out, site(source, '<p>two</p>'))
    expect(result).toEqual({written: 1, reused: 2, unchanged: false})
    expect(inode(join(out, 'index.html'))).toBe(home)
    expect(inode(join(out, 'week-1/picture.png'))).toBe(picture)
    expect(readFileSync(join(out, 'week-1/page.html'), 'utf8')).toBe('<p>two</p>')
    writeFileSync(source, 'PNG byteZ')
    expect((await writeSiteAtomically(out, site(source, '<p>two</p>'))).written).toBe(1)
    expect(readFileSync(join(out, 'week-1/picture.png'), 'utf8')).toBe('PNG byteZ')
  })
})

describe('after a dev session', () => {
  it('a build carries over the files the session wrote, and still rewrites the folder (it may hold older files)', async () => {
    const {out, manifest, source} = setup()
    const {writeChangedFiles, recordWrittenFiles} = await import('../../src/write/changed.js')
    const state = new Map()
    await writeChangedFiles(out, site(source), state)
    writeFileSync(join(out, 'stale.html'), 'from an older build')
    await recordWrittenFiles(out, state, manifest)
    const home = inode(join(out, 'index.html'))
    const result = await writeSiteAtomically(out, site(source), {manifest})
    expect(result).toEqual({written: 0, reused: 3, unchanged: false})
    expect(inode(join(out, 'index.html'))).toBe(home)
    expect(existsSync(join(out, 'stale.html'))).toBe(false)
    // Now the manifest is complete: the next identical build touches nothing.
    expect((await writeSiteAtomically(out, site(source), {manifest})).unchanged).toBe(true)
  })
})
