import {describe, expect, it} from 'vitest'
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {parseToc} from '../../../src/load/jupyter-book/read-toc.js'
import type {BookToc, TocEntry} from '../../../src/load/jupyter-book/toc-types.js'
import {sharedFixtures} from '../../sites/helpers.js'

const externalToc = join(sharedFixtures, 'edge/sphinx-external-toc')
const jbTocBook = join(sharedFixtures, 'edge/jupyter-book-v1/books/toc')

/** Files of books/toc that break sphinx-external-toc's rules (what Jupyter Book 1 validates with). */
const JB_BAD = new Set(['_toc_wrongkey.yml', '_toc_nofileorurl.yml', '_toc_emptysections.yml', '_toc_url.yml', '_toc_mixedpartsfiles.yml'])

function parseFile(path: string) {
  return parseToc(readFileSync(path, 'utf8'), path)
}

function ymlFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.yml')).sort()
}

/** The files an entry list names, depth first: what the reader must not lose. */
function files(entries: readonly TocEntry[]): string[] {
  return entries.flatMap((e) => (e.kind === 'file' ? [e.path, ...files(e.children)] : e.kind === 'glob' ? [`glob:${e.pattern}`] : [`url:${e.url}`]))
}

function outline(toc: BookToc) {
  return {root: toc.root?.path, parts: toc.parts.map((p) => ({caption: p.caption, files: files(p.entries)}))}
}

describe.skipIf(!existsSync(sharedFixtures))('every valid toc in the shared fixtures', () => {
  const valid = [
    ...ymlFiles(join(externalToc, '_toc_files')).map((f) => join(externalToc, '_toc_files', f)),
    ...ymlFiles(join(externalToc, '_warning_toc_files')).map((f) => join(externalToc, '_warning_toc_files', f)),
    ...ymlFiles(join(externalToc, '_jb_migrate_toc_files')).map((f) => join(externalToc, '_jb_migrate_toc_files', f)),
    ...ymlFiles(jbTocBook).filter((f) => f.startsWith('_toc') && !JB_BAD.has(f)).map((f) => join(jbTocBook, f)),
  ]

  it('finds them', () => {
    expect(valid.length).toBe(7 + 5 + 11 + 13)
  })

  for (const path of valid) {
    it(`reads ${path.slice(sharedFixtures.length + 1)} with no diagnostic and a root`, () => {
      const {toc, diagnostics} = parseFile(path)
      expect(diagnostics).toEqual([])
      expect(toc?.root?.path).toBeTruthy()
    })
  }

  it('reads a jb-book with parts: captions, chapters and their sections in order', () => {
    const {toc} = parseFile(join(jbTocBook, '_toc_parts.yml'))
    expect(toc!.format).toBe('jb-book')
    expect(toc!.hasParts).toBe(true)
    expect(outline(toc!)).toEqual({
      root: 'index',
      parts: [
        {caption: 'A section', files: ['subfolder/index', 'subfolder/asubpage1']},
        {caption: 'Another section', files: ['content1', 'subfolder/asubpage2', 'content2', 'subfolder/asubpage3', 'content3', 'subfolder/asubpage4']},
      ],
    })
    expect(toc!.parts[0]!.entries[0]).toMatchObject({kind: 'file', path: 'subfolder/index', title: 'Subfolder', at: {line: 7, column: 5}})
  })

  it('reads a jb-book without parts and a jb-article as one part, with `numbered` from the options', () => {
    const book = parseFile(join(jbTocBook, '_toc_numbered_depth.yml')).toc!
    expect(book.hasParts).toBe(false)
    expect(book.parts).toHaveLength(1)
    expect(book.parts[0]!.numbered).toBe(1)
    expect(files(book.parts[0]!.entries)).toEqual(['content1', 'subfolder/index', 'subfolder/asubpage', 'content2', 'content3'])
    const article = parseFile(join(jbTocBook, '_toc.yml')).toc!
    expect(article.format).toBe('jb-article')
    expect(files(article.parts[0]!.entries)).toEqual(['content1', 'content2', 'content3', 'subfolder/index', 'subfolder/asubpage'])
  })

  it('keeps url entries (with or without a title) and globs in order', () => {
    expect(files(parseFile(join(jbTocBook, '_toc_urllink.yml')).toc!.parts[0]!.entries)).toEqual([
      'content1', 'content2', 'content3', 'url:https://jupyterbook.org/start/build.html', 'subfolder/index', 'subfolder/asubpage', 'url:https://jupyterbook.org/file-types/markdown.html',
    ])
    expect(files(parseFile(join(jbTocBook, '_toc_urlwithouttitle.yml')).toc!.parts[0]!.entries)).toEqual(['url:http://somelink.com', 'url:http://someotherlink.com'])
    expect(files(parseFile(join(externalToc, '_toc_files/nested.yml')).toc!.parts[0]!.entries)).toEqual([
      'folder/doc1', 'folder/doc2', 'folder/doc3', 'folder/subfolder/doc4', 'glob:folder/globfolder/*',
    ])
  })

  it('reads the general form: root subtrees are parts, nested subtrees are children', () => {
    const {toc} = parseFile(join(externalToc, '_toc_files/basic.yml'))
    expect(toc!.format).toBe('default')
    expect(outline(toc!)).toEqual({root: 'intro', parts: [{caption: 'Part Caption', files: ['doc1', 'doc2', 'doc3', 'subfolder/doc4', 'url:https://example.com']}]})
    const two = parseFile(join(externalToc, '_toc_files/tableofcontents.yml')).toc!
    expect(outline(two).parts).toEqual([{caption: undefined, files: ['doc1']}, {caption: undefined, files: ['doc2']}])
  })

  it('reads the old list format as `jupyter-book toc migrate` does: parts, chapters, and the root\'s own sections lifted to the top', () => {
    const docs = parseFile(join(externalToc, '_jb_migrate_toc_files/jb_docs_toc.yml')).toc!
    expect(docs.format).toBe('legacy')
    expect(docs.parts.map((p) => p.caption)).toEqual(['Tutorials', 'Create your book', 'Build your book', 'Publish your book', 'Advanced usage', 'Reference', 'About Jupyter Book'])
    expect(files(docs.parts[0]!.entries)).toEqual(['start/your-first-book', 'start/overview', 'start/create', 'start/build', 'start/publish', 'tutorials/references', 'basics/questions'])
    const chapters = parseFile(join(externalToc, '_jb_migrate_toc_files/chapters.yml')).toc!
    expect(chapters.parts.map((p) => p.caption)).toEqual(['A section', 'Another section'])
    const lifted = parseFile(join(externalToc, '_jb_migrate_toc_files/numbered_chapters.yml')).toc!
    expect(outline(lifted)).toEqual({root: 'index', parts: [{caption: undefined, files: ['content1', 'subfolder/index', 'subfolder/asubpage', 'content2', 'content3']}]})
    expect(lifted.parts[0]!.numbered).toBe(true)
    const single = parseFile(join(externalToc, '_jb_migrate_toc_files/simple_dict.yml')).toc!
    expect(outline(single)).toEqual({root: 'index', parts: [{caption: undefined, files: ['content1', 'content2', 'content3', 'subfolder/index', 'subfolder/asubpage']}]})
  })
})

/** Every bad toc: the rule, the line and what the message must say. */
const BAD_CASES: Array<[string, number, RegExp]> = [
  ['_bad_toc_files/bad_option_value.yml', 3, /^`options\.titlesonly` must be true or false, not the number `2`$/],
  ['_bad_toc_files/bad_url.yml', 3, /^`url: example\.com` in `entries\[0\]` is not an absolute URL/],
  ['_bad_toc_files/empty.yml', 1, /^The table of contents is empty$/],
  ['_bad_toc_files/empty_items.yml', 2, /^`entries` is an empty list$/],
  ['_bad_toc_files/empty_subtrees.yml', 2, /^`subtrees` is an empty list$/],
  ['_bad_toc_files/file_and_glob_present.yml', 3, /^Entry `entries\[0\]` has both `file` and `glob`/],
  ['_bad_toc_files/items_in_glob.yml', 3, /^Entry `entries\[0\]` is a glob, which cannot have its own `entries`/],
  ['_bad_toc_files/items_in_url.yml', 3, /^Entry `entries\[0\]` is a URL, which cannot have its own `entries`/],
  ['_bad_toc_files/list.yml', 1, /^`\[0\]` must be a mapping \(`key: value` lines\), not the number `1`$/],
  ['_bad_toc_files/no_root.yml', 1, /^The table of contents has no `root:` naming the first page of the book$/],
  ['_bad_toc_files/subtree_with_no_items.yml', 3, /^`subtrees\[0\]` \(caption "something"\) has no `entries` list/],
  ['_bad_toc_files/unknown_keys.yml', 2, /^Unknown key `x` at the top of the table of contents; allowed here: root, format/],
  ['_bad_toc_files/unknown_keys_nested.yml', 7, /^Unknown key `unknown` in `subtrees\[0\]\.entries\[1\]` \(file "doc3"\)/],
  ['toc/_toc_wrongkey.yml', 4, /^Unknown key `foo` at the top of the table of contents/],
  ['toc/_toc_nofileorurl.yml', 14, /^Entry `parts\[0\]\.chapters\[2\]` \(title "My title without URL"\) has no `file`, `url` or `glob`/],
  ['toc/_toc_emptysections.yml', 5, /^`parts\[0\]` \(caption "Empty chapter"\) has no `chapters` list/],
  ['toc/_toc_url.yml', 2, /^Unknown key `url` at the top of the table of contents/],
  ['toc/_toc_mixedpartsfiles.yml', 11, /^Unknown key `part` in `sections\[3\]` \(part "My chapter"\)/],
]

describe.skipIf(!existsSync(sharedFixtures))('every invalid toc in the shared fixtures', () => {
  const path = (name: string) => (name.startsWith('toc/') ? join(jbTocBook, name.slice(4)) : join(externalToc, name))

  it('covers every file of _bad_toc_files', () => {
    const listed = BAD_CASES.map(([name]) => name).filter((n) => n.startsWith('_bad_toc_files/'))
    expect(listed).toEqual(ymlFiles(join(externalToc, '_bad_toc_files')).map((f) => `_bad_toc_files/${f}`))
  })

  for (const [name, line, message] of BAD_CASES) {
    it(`${name}: toc-invalid at line ${line}`, () => {
      const {diagnostics} = parseFile(path(name))
      expect(diagnostics.length).toBeGreaterThan(0)
      for (const d of diagnostics) {
        expect(d).toMatchObject({ruleId: 'toc-invalid', severity: 'error', file: path(name)})
        expect(d.line, d.message).toBeGreaterThan(0)
        expect(d.hint).toBeTruthy()
      }
      expect(diagnostics.some((d) => d.line === line && message.test(d.message)), JSON.stringify(diagnostics.map((d) => [d.line, d.message]))).toBe(true)
    })
  }
})

describe('parseToc on written cases', () => {
  it('reports a YAML syntax error at its line and reads nothing', () => {
    const {toc, diagnostics} = parseToc('format: jb-book\nroot: intro\nchapters:\n- file: [a\n', 'x/_toc.yml')
    expect(toc).toBeUndefined()
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({ruleId: 'toc-invalid', file: 'x/_toc.yml'})
    expect(diagnostics[0]!.message).toMatch(/^The table of contents is not valid YAML: /)
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(4)
  })

  it('reports a duplicate key, which YAML readers otherwise resolve silently', () => {
    const {diagnostics} = parseToc('root: intro\nroot: other\n', 't.yml')
    expect(diagnostics[0]).toMatchObject({ruleId: 'toc-invalid', line: 2})
    expect(diagnostics[0]!.message).toMatch(/not valid YAML: Map keys must be unique/)
  })

  it('suggests the key meant, and says where jb-book keys belong', () => {
    const typo = parseToc('format: jb-book\nroot: intro\nchapters:\n- file: a\n  sectons:\n  - file: b\n', 't.yml').diagnostics
    expect(typo).toMatchObject([{line: 5, column: 3, message: 'Unknown key `sectons` in `chapters[0]` (file "a"); did you mean `sections`?'}])
    const sections = parseToc('format: jb-book\nroot: intro\nsections:\n- file: a\n', 't.yml').diagnostics
    expect(sections[0]!.hint).toMatch(/jb-book lists its top-level pages under `chapters:`/)
    const deep = parseToc('format: jb-book\nroot: intro\nchapters:\n- file: a\n  chapters:\n  - file: b\n', 't.yml').diagnostics
    expect(deep[0]!.hint).toMatch(/below a page, list its pages under `sections:`/)
  })

  it('says an entry written as plain text needs `file:`, and keeps the rest of the book', () => {
    const {toc, diagnostics} = parseToc('format: jb-book\nroot: intro\nchapters:\n- content1\n- file: content2\n', 't.yml')
    expect(diagnostics).toMatchObject([{line: 4, message: '`chapters[0]` must be a mapping (`key: value` lines), e.g. `file: content1`, not text (`content1`)'}])
    expect(files(toc!.parts[0]!.entries)).toEqual(['content2'])
  })

  it('names an unknown format', () => {
    const {diagnostics} = parseToc('format: jb-books\nroot: intro\n', 't.yml')
    expect(diagnostics[0]!.message).toBe('`format: jb-books` is not a toc format; use `jb-book` or `jb-article`, or leave it out for the general sphinx-external-toc form')
  })

  it('reads the ≤0.7 format, where `- header:` lines open parts', () => {
    const {toc, diagnostics} = parseToc('- file: intro\n- header: Week 1\n- file: w1/a\n- file: w1/b\n  sections:\n  - file: w1/b1\n- header: Week 2\n- file: w2/a\n  expand_sections: true\n', 't.yml')
    expect(diagnostics).toEqual([])
    expect(outline(toc!)).toEqual({root: 'intro', parts: [{caption: 'Week 1', files: ['w1/a', 'w1/b', 'w1/b1']}, {caption: 'Week 2', files: ['w2/a']}]})
  })

  it('never throws, whatever the YAML holds', () => {
    for (const text of ['42', '"text"', '[]', '{}', '- - a', 'root: [1]', 'format: jb-book\nroot: a\nparts: {x: 1}', 'root: a\nsubtrees:\n- entries: [{file: 1}]', '- part: P\n  chapters: 3']) {
      const reading = parseToc(text, 't.yml')
      expect(reading.diagnostics.length, text).toBeGreaterThan(0)
      for (const d of reading.diagnostics) expect(d.ruleId).toBe('toc-invalid')
    }
  })
})
