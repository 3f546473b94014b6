import {beforeAll, describe, expect, it} from 'vitest'
import {existsSync, mkdtempSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, dirname, join, relative} from 'node:path'
import {parse as parseYaml} from 'yaml'
import {build, type BuildResult} from '../../../src/pipeline/run.js'
import {sharedFixtures} from '../../sites/helpers.js'

/** The real Jupyter Book 1 projects, each built as it is, by its folder or a toc file. */
const SCHEMA = join(sharedFixtures, '../ouxml-schema/OUIntermediateSchema.xsd')

const BOOKS = [
  'myst/OpenComputingLab__reusable-content-example',
  'myst/innovationOUtside__sphinxcontrib-ou-xml-tags/docs',
  'myst/innovationOUtside__ou-xml-validator/docs',
  'myst/innovationOUtside__ou-xml-validator/tests/book',
  'edge/jupyter-book-v1/book_template',
  'edge/jupyter-book-v1/books/nested',
  'edge/jupyter-book-v1/books/toc',
  'edge/jupyter-book-v1/books/toc/_toc_parts.yml',
  'edge/jupyter-book-v1/books/sphinx-jupyterbook-latex',
]

/**
 * Error rules that belong to features other parts of coursebook are still
 * building, with the book they show up in; anything else that is an error
 * fails the test. (Empty: none of these books has one today.)
 */
const OTHERS_ERRORS: ReadonlyArray<{book: string; ruleId: string}> = []

/**
 * The oracle, independent of coursebook's toc reader: every string under a
 * `root` or `file` key anywhere in the toc, resolved as Jupyter Book does
 * (as given, else `.md`, else `.ipynb`); only files that exist count.
 */
function tocFiles(tocPath: string): {root?: string; files: string[]} {
  const names: Array<{key: string; value: string}> = []
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk)
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if ((key === 'root' || key === 'file') && typeof child === 'string') names.push({key, value: child})
        else walk(child)
      }
    }
  }
  walk(parseYaml(readFileSync(tocPath, 'utf8')))
  const book = dirname(tocPath)
  const find = (name: string) => [name, `${name}.md`, `${name}.ipynb`].map((n) => join(book, n)).find((p) => /\.(md|ipynb)$/.test(p) && existsSync(p) && statSync(p).isFile())
  const rootName = names.find((n) => n.key === 'root')?.value ?? (Array.isArray(parseYaml(readFileSync(tocPath, 'utf8'))) ? names[0]?.value : undefined)
  return {root: rootName ? find(rootName) : undefined, files: names.filter((n) => n.value !== rootName).map((n) => find(n.value)).filter((p): p is string => p !== undefined)}
}

function listing(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: false}).map(String).sort()
}

describe.skipIf(!existsSync(sharedFixtures))('real Jupyter Books build unchanged', () => {
  for (const name of BOOKS) {
    describe(name, () => {
      const given = join(sharedFixtures, name)
      const bookDir = given.endsWith('.yml') ? dirname(given) : given
      const tocPath = given.endsWith('.yml') ? given : join(bookDir, '_toc.yml')
      let result: BuildResult
      let before: string[]
      beforeAll(async () => {
        before = listing(bookDir)
        // The fixtures are read-only material: the site goes to a temporary folder and no cache is written.
        result = await build({configPath: given, outDir: join(mkdtempSync(join(tmpdir(), 'cb-book-')), 'site'), cache: false, workers: 0})
      })

      it('builds without an error of its own', () => {
        const errors = result.diagnostics.filter((d) => d.severity === 'error' && !OTHERS_ERRORS.some((o) => o.book === name && o.ruleId === d.ruleId))
        expect(errors.map((d) => `${d.ruleId} ${d.file}:${d.line} ${d.message}`)).toEqual([])
      })

      it('builds a page for every toc entry whose file exists, the root as the course home when it is Markdown', () => {
        const {root, files} = tocFiles(tocPath)
        const built = new Map(result.pages.map((p) => [p.source.path, p]))
        for (const file of files) {
          const page = built.get(file)
          expect(page, relative(sharedFixtures, file)).toBeDefined()
          expect(existsSync(join(result.outPath, page!.source.outPath))).toBe(true)
        }
        if (root?.endsWith('.md')) {
          // The home shows the root page's text (its heading gives way to the course title, as content/index.md's does).
          const home = readFileSync(join(result.outPath, 'index.html'), 'utf8')
          const prose = readFileSync(root, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '').split('\n').find((line) => /^[A-Z][a-z]+ [\w ,.]{20,}/.test(line))
          if (prose) expect(home).toContain(prose.split(/\s+/).slice(0, 4).join(' '))
          expect(built.has(root)).toBe(false)
        } else if (root) expect(built.has(root)).toBe(true)
        expect(result.pages.length).toBe(files.length + (root?.endsWith('.ipynb') ? 1 : 0))
      })

      it('writes nothing into the book folder', () => {
        expect(listing(bookDir)).toEqual(before)
        expect(existsSync(join(bookDir, '.coursebook'))).toBe(false)
        expect(existsSync(join(bookDir, '_build'))).toBe(false)
      })
    })
  }

  it('maps the reusable-content book to one unit per part, titled by the caption, with the ou block as metadata, into schema-valid OU-XML', async () => {
    const ouxml = existsSync(SCHEMA) ? {schema: SCHEMA, validate: true} : {}
    const result = await build({configPath: join(sharedFixtures, BOOKS[0]!), outDir: join(mkdtempSync(join(tmpdir(), 'cb-book-')), 'site'), cache: false, workers: 0, ouxml})
    expect(new Set(result.pages.map((p) => p.source.unit.title))).toEqual(new Set(['Reusable workflow']))
    expect(result.pages[0]!.source.outPath).toBe('reusable-workflow/introduction.html')
    // MyST notebooks launch on Binder from the book's repository, at `path_to_book`.
    const launch = (result.pages[0] as {launch?: Array<{url: string}>}).launch
    expect(launch?.[0]?.url).toBe('https://mybinder.org/v2/gh/ouseful-demos/learn-to-code-jupyterlite/main?labpath=src%2Fintroduction.md')
    const home = readFileSync(join(result.outPath, 'index.html'), 'utf8')
    expect(home).toContain('OUSEFUL-DEMOS')
    expect(basename(result.outPath)).toBe('site')
    expect(result.ouxml?.documents.map((d) => d.name)).toEqual(['reusable-workflow'])
    const xml = readFileSync(join(result.outPath, 'ouxml/reusable-workflow.xml'), 'utf8')
    expect(xml).toContain('<CourseCode>OUSEFUL-DEMOS</CourseCode>')
    expect(xml).toMatch(/<FrontMatter>[\s\S]*YYYY[\s\S]*<\/FrontMatter>/)
    expect(xml).toContain('src="https://raw.githubusercontent.com/OpenComputingLab/reusable-content-example/main/tmp/')
    if (existsSync(SCHEMA)) expect(result.ouxml?.validation).toEqual({schema: SCHEMA, errors: 0})
  }, 120_000)
})
