import {afterEach, describe, expect, it} from 'vitest'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {main} from '../../src/cli/index.js'
import type {Output} from '../../src/cli/output.js'
import {DevSession, type DevBuildReport} from '../../src/dev/session.js'
import {sharedFixtures} from '../sites/helpers.js'

function capture(): Output & {stdout: string[]; stderr: string[]} {
  const stdout: string[] = []
  const stderr: string[] = []
  return {stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), progress: () => undefined}
}

/** A book written from scratch, in a temporary folder. */
function writeBook(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cb-jbcli-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), {recursive: true})
    writeFileSync(join(dir, path), text)
  }
  return dir
}

/** A copy of a shared fixture book, so that building into its own `_build` writes nothing into the fixtures. */
function copyBook(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cb-jbcli-')), 'book')
  cpSync(join(sharedFixtures, name), dir, {recursive: true})
  return dir
}

const smallBook = {
  '_config.yml': 'title: Small book\nauthor: A. Author\nou:\n  module_code: SB101\n',
  '_toc.yml': 'format: jb-book\nroot: intro\nchapters:\n- file: one\n- file: two\n',
  'intro.md': '# Welcome\n\nThe course starts here.\n',
  'one.md': '# One\n\nFirst page.\n',
  'two.md': '# Two\n\nSecond page.\n',
}

describe('coursebook build on a Jupyter Book', () => {
  it('builds a book folder given as DIR into <book>/_build/coursebook, with its cache in <book>/.coursebook', async () => {
    const dir = writeBook(smallBook)
    const output = capture()
    expect(await main(['build', dir], output)).toBe(0)
    expect(output.stdout.at(-1)).toMatch(/^Built 2 pages \(\d+ files\) into .*_build\/coursebook\/ in [\d.]+ s\./)
    expect(readFileSync(join(dir, '_build/coursebook/index.html'), 'utf8')).toContain('The course starts here.')
    expect(existsSync(join(dir, '_build/coursebook/small-book/one.html'))).toBe(true)
    expect(existsSync(join(dir, '.coursebook/cache/pages'))).toBe(true)
    // The second build reads its own output folder as no content, and takes the pages from the cache.
    const again = capture()
    expect(await main(['build', dir], again)).toBe(0)
    expect(again.stdout.at(-1)).toMatch(/2 unchanged from the cache/)
  })

  it('builds with --config pointing at _config.yml, and at a toc file', async () => {
    const dir = writeBook({...smallBook, '_toc_parts.yml': 'format: jb-book\nroot: intro\nparts:\n- caption: Part A\n  chapters:\n  - file: one\n- caption: Part B\n  chapters:\n  - file: two\n'})
    expect(await main(['build', '--config', join(dir, '_config.yml'), '--out', join(mkdtempSync(join(tmpdir(), 'cb-out-')), 'a')], capture())).toBe(0)
    const out = join(mkdtempSync(join(tmpdir(), 'cb-out-')), 'parts')
    expect(await main(['build', '--config', join(dir, '_toc_parts.yml'), '--out', out], capture())).toBe(0)
    expect(existsSync(join(out, 'part-a/one.html'))).toBe(true)
    expect(existsSync(join(out, 'part-b/two.html'))).toBe(true)
    // Inside the book, only Jupyter Book's own `_build` may hold a site.
    const inside = capture()
    expect(await main(['build', dir, '--out', join(dir, 'site')], inside)).toBe(1)
    expect(inside.stderr.join('\n')).toMatch(/would overwrite the course/)
    expect(await main(['build', dir, '--out', join(dir, '_build')], capture())).toBe(1)
  })

  it('prints a bad toc entry at its line with the rule and hint, and fails', async () => {
    const dir = writeBook({...smallBook, '_toc.yml': 'format: jb-book\nroot: intro\nchapters:\n- file: one\n- title: Two\n- file: three\n'})
    const output = capture()
    expect(await main(['build', dir], output)).toBe(1)
    const invalid = output.stderr.find((l) => l.includes('[toc-invalid]'))!
    expect(invalid.split('\n')[0]).toMatch(/^error {3}.*_toc\.yml › 5:3 {2}Entry `chapters\[1\]` \(title "Two"\) has no `file`, `url` or `glob`, so it names no page {2}\[toc-invalid\]$/)
    expect(invalid.split('\n')[1]).toMatch(/^ {8}hint: Add `file: path\/to\/page`/)
    expect(output.stderr.find((l) => l.includes('[toc-entry-missing]'))).toMatch(/_toc\.yml › 6:3 {2}The table of contents names "three", but there is no three\.md or three\.ipynb in the book folder/)
    // The rest of the book is built all the same.
    expect(existsSync(join(dir, '_build/coursebook/small-book/one.html'))).toBe(true)
  })

  it('fails, naming the file, when the book has no _toc.yml', async () => {
    const dir = writeBook({'_config.yml': 'title: No toc\n', 'intro.md': '# I\n'})
    const output = capture()
    expect(await main(['build', dir], output)).toBe(1)
    expect(output.stderr.some((l) => /_toc\.yml {2}There is no table of contents _toc\.yml in .*, so the book has no pages {2}\[toc-missing\]/.test(l))).toBe(true)
  })

  it('refuses DIR and --config together', async () => {
    const output = capture()
    expect(await main(['build', 'a', '--config', 'b/_config.yml'], output)).toBe(1)
    expect(output.stderr).toEqual(['Give one course folder, or --config FILE, not both. Run coursebook build --help.'])
  })

  it.skipIf(!existsSync(sharedFixtures))('builds the Jupyter Book template, noting why it has no Binder links', async () => {
    const dir = copyBook('edge/jupyter-book-v1/book_template')
    const output = capture()
    expect(await main(['build', dir], output)).toBe(0)
    expect(output.stderr.some((l) => l.includes('[book-binder-skipped]'))).toBe(true)
    expect(readdirSync(join(dir, '_build/coursebook/my-sample-book')).sort()).toEqual(expect.arrayContaining(['markdown-notebooks.html', 'notebooks.html', 'notebooks.ipynb']))
  })

  it('exports the OU-XML of a book given as DIR into _build/coursebook/ouxml', async () => {
    const dir = writeBook(smallBook)
    const output = capture()
    expect(await main(['export', 'ouxml', dir], output)).toBe(0)
    expect(readFileSync(join(dir, '_build/coursebook/ouxml/small-book.xml'), 'utf8')).toMatch(/<CourseCode>SB101<\/CourseCode>/)
  })
})

describe('coursebook dev on a Jupyter Book', () => {
  let session: DevSession | undefined
  afterEach(async () => {
    await session?.close()
    session = undefined
  })

  it('watches _toc.yml: adding a chapter to it rebuilds with the new page', async () => {
    const dir = writeBook(smallBook)
    writeFileSync(join(dir, 'three.md'), '# Three\n')
    const reports: DevBuildReport[] = []
    session = new DevSession({configPath: dir, port: 0, host: '127.0.0.1', onBuild: (r) => reports.push(r)})
    await session.start()
    expect(reports[0]!.rendered.sort()).toEqual(['one.md', 'two.md'])
    writeFileSync(join(dir, '_toc.yml'), `${smallBook['_toc.yml']}- file: three\n`)
    for (let i = 0; i < 400 && reports.length < 2; i++) await new Promise((r) => setTimeout(r, 25))
    await session.settled()
    expect(reports.length).toBeGreaterThan(1)
    expect(existsSync(join(dir, '_build/coursebook/small-book/three.html'))).toBe(true)
  })
})
