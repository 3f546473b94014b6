import {describe, expect, it} from 'vitest'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {discoverBookCourse} from '../../../src/load/jupyter-book/course.js'
import {configFromObject} from '../../../src/config/load.js'
import type {Diagnostic} from '../../../src/diagnostics/report.js'
import type {UserConfig} from '../../../src/config/schema.js'

const notebook = JSON.stringify({nbformat: 4, nbformat_minor: 5, metadata: {}, cells: []})

function makeBook(files: Record<string, string>, config: Partial<UserConfig> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'cb-jbcourse-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), {recursive: true})
    writeFileSync(join(root, path), text)
  }
  const diagnostics: Diagnostic[] = []
  const resolved = configFromObject({code: 'B1', title: 'The Book', contentDir: '.', outDir: '_build/coursebook', toc: '_toc.yml', ...config}, root)
  const course = discoverBookCourse(resolved, (d) => diagnostics.push(d))
  const of = (rule: string) => diagnostics.filter((d) => d.ruleId === rule)
  return {root, course, diagnostics, of}
}

describe('discoverBookCourse', () => {
  it('makes each part a unit titled by its caption, with chapters and sections in toc order', () => {
    const {course, root} = makeBook({
      '_toc.yml': 'format: jb-book\nroot: intro\nparts:\n- caption: Week 1 — Basics\n  chapters:\n  - file: w1/b\n    sections:\n    - file: w1/b1\n  - file: w1/a\n- caption: Week 2\n  chapters:\n  - file: w2/x.ipynb\n',
      'intro.md': '# Welcome',
      'w1/a.md': '# A',
      'w1/b.md': '# B',
      'w1/b1.md': '# B1',
      'w2/x.ipynb': notebook,
    })
    expect(course.units.map((u) => [u.title, u.slug, u.dir])).toEqual([['Week 1 — Basics', 'week-1-basics', 'week-1-basics'], ['Week 2', 'week-2', 'week-2']])
    expect(course.pages.map((p) => [p.relPath, p.outPath, p.kind, p.order])).toEqual([
      ['w1/b.md', 'week-1-basics/w1/b.html', 'markdown', 0],
      ['w1/b1.md', 'week-1-basics/w1/b1.html', 'markdown', 1],
      ['w1/a.md', 'week-1-basics/w1/a.html', 'markdown', 2],
      ['w2/x.ipynb', 'week-2/w2/x.html', 'notebook', 0],
    ])
    expect(course.intro).toEqual({path: join(root, 'intro.md'), source: '# Welcome'})
    // Links to the root page lead to the course home.
    expect(course.pagesBySource.get('intro.md')?.outPath).toBe('index.html')
    expect(course.pagesBySource.get('w1/b1.md')?.unit.slug).toBe('week-1-basics')
  })

  it('makes a book without parts one unit, titled by toc.unitTitle, else the course title', () => {
    const files = {'_toc.yml': 'format: jb-article\nroot: index\nsections:\n- file: a\n', 'index.md': '# I', 'a.md': '# A'}
    expect(makeBook(files, {toc: {file: '_toc.yml', unitTitle: 'Block 2'}}).course.units.map((u) => u.title)).toEqual(['Block 2'])
    expect(makeBook(files).course.units.map((u) => u.title)).toEqual(['The Book'])
  })

  it('makes a root notebook the first page of the first unit', () => {
    const {course} = makeBook({'_toc.yml': 'format: jb-book\nroot: start\nchapters:\n- file: a\n', 'start.ipynb': notebook, 'a.md': '# A'})
    expect(course.intro).toBeUndefined()
    expect(course.pages.map((p) => p.relPath)).toEqual(['start.ipynb', 'a.md'])
  })

  it('reports each toc entry with no file at its line, and builds the rest', () => {
    const {course, of, root} = makeBook({'_toc.yml': 'format: jb-book\nroot: intro\nchapters:\n- file: a\n- file: missing\n- file: gone.ipynb\n', 'intro.md': '# I', 'a.md': '# A'})
    expect(course.pages.map((p) => p.relPath)).toEqual(['a.md'])
    expect(of('toc-entry-missing')).toMatchObject([
      {severity: 'warning', file: join(root, '_toc.yml'), line: 5, column: 3, message: 'The table of contents names "missing", but there is no missing.md or missing.ipynb in the book folder'},
      {line: 6, message: 'The table of contents names "gone.ipynb", but there is no file gone.ipynb in the book folder'},
    ])
  })

  it('names a reStructuredText page it cannot build, and builds the rest', () => {
    const {course, of} = makeBook({'_toc.yml': 'format: jb-article\nroot: intro\nsections:\n- file: a\n- file: b\n', 'intro.md': '# I', 'a.rst': 'A\n=\n', 'b.md': '# B'})
    expect(course.pages.map((p) => p.relPath)).toEqual(['b.md'])
    expect(of('toc-file-unsupported')).toMatchObject([{line: 4, message: 'a.rst is not a page coursebook can build (only .md and .ipynb); it is left out'}])
  })

  it('prefers .md to .ipynb for a path without extension, as listed once', () => {
    const {course, of} = makeBook({'_toc.yml': 'root: intro\nentries:\n- file: a\n- file: a.md\n', 'intro.md': '# I', 'a.md': '# A', 'a.ipynb': notebook})
    expect(course.pages.map((p) => p.relPath)).toEqual(['a.md'])
    expect(of('toc-entry-duplicate')).toMatchObject([{line: 4, message: 'a.md is listed more than once (first at line 3); it is built where it first appears'}])
  })

  it('expands globs in natural order, skipping pages listed already, and reports one that matches nothing', () => {
    const {course, of} = makeBook({
      '_toc.yml': 'root: intro\nentries:\n- file: doc2\n- glob: doc*\n- glob: nothing/*\n',
      'intro.md': '# I', 'doc10.md': '# 10', 'doc2.md': '# 2', 'doc1.ipynb': notebook, '.ipynb_checkpoints/doc3.md': '# no',
    })
    expect(course.pages.map((p) => p.relPath)).toEqual(['doc2.md', 'doc1.ipynb', 'doc10.md'])
    expect(of('toc-glob-empty')).toMatchObject([{line: 5, message: '`glob: nothing/*` matches no .md or .ipynb file in the book folder'}])
  })

  it('drops url entries with a note, and refuses paths out of the book', () => {
    const {course, of} = makeBook({'_toc.yml': 'root: intro\nentries:\n- url: https://example.org\n  title: Example\n- file: ../secret\n- file: a\n', 'intro.md': '# I', 'a.md': '# A'})
    expect(course.pages.map((p) => p.relPath)).toEqual(['a.md'])
    expect(of('toc-url-dropped')).toMatchObject([{severity: 'info', line: 3, message: 'The link "Example" (https://example.org) is not in the course navigation, which lists pages only'}])
    expect(of('path-outside-content')).toMatchObject([{severity: 'error', line: 5, message: 'The table of contents names "../secret", outside the book folder; it is not built'}])
  })

  it('notes pages left out of the toc, but not READMEs, _build or checkpoints', () => {
    const {of, root} = makeBook({
      '_toc.yml': 'root: intro\nentries:\n- file: a\n', 'intro.md': '# I', 'a.md': '# A', 'extra/draft.ipynb': notebook,
      'README.md': '# Read me', '_build/html/x.md': '', '.ipynb_checkpoints/a-checkpoint.ipynb': notebook,
    })
    expect(of('toc-file-unlisted')).toMatchObject([{severity: 'info', file: join(root, 'extra/draft.ipynb'), message: 'extra/draft.ipynb is not in the table of contents, so it is not built'}])
  })

  it('gives each page a unique URL in its unit, keeping its folders and never taking the unit index', () => {
    const {course} = makeBook({'_toc.yml': 'root: intro\nentries:\n- file: index\n- file: A B\n- file: a-b.ipynb\n', 'intro.md': '# I', 'index.md': '# Index', 'A B.md': '#', 'a-b.ipynb': notebook})
    expect(course.pages.map((p) => p.outPath)).toEqual(['the-book/index-2.html', 'the-book/a-b.html', 'the-book/a-b-2.html'])
  })

  it('builds nothing, with an error, when the toc is missing or names no page', () => {
    const missing = makeBook({'intro.md': '# I'})
    expect(missing.course.pages).toEqual([])
    expect(missing.of('toc-missing')).toMatchObject([{severity: 'error', message: expect.stringMatching(/^There is no table of contents _toc\.yml in .*, so the book has no pages$/)}])
    const empty = makeBook({'_toc.yml': 'x: 1\n'})
    expect(empty.course).toMatchObject({units: [], pages: [], intro: undefined})
    expect(empty.of('toc-invalid').length).toBe(2)
  })
})
