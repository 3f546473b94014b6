import {beforeAll, describe, expect, it} from 'vitest'
import {cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {parse as parseYaml} from 'yaml'
import {xml2js, type Element} from 'xml-js'
import {build, type BuildResult} from '../../../src/pipeline/run.js'
import {configFromObject} from '../../../src/config/load.js'
import {projectRoot} from '../../sites/helpers.js'
import {all, baseConfig, writeCourse} from './helpers.js'

const shared = resolve(projectRoot, '../shared')
const myst = join(shared, 'fixtures/myst')
const references = join(shared, 'fixtures/ouxml')
const schema = join(shared, 'ouxml-schema/OUIntermediateSchema.xsd')

/** The books that fixtures/README.md pairs with reference OU-XML, the folder holding `_toc.yml`, and the references. */
const books = [
  {unit: '01-rce', folder: 'OpenComputingLab__reusable-content-example', references: ['rce__ouseful-demos_b0_p1_zzz.xml', 'rce__gh-pages__ouseful-demos_b2_p1_demo2.xml']},
  {unit: '02-sphinx-tags', folder: 'innovationOUtside__sphinxcontrib-ou-xml-tags/docs', references: ['sphinxcontrib-ou-xml-tags__gh-pages__index.xml']},
  {unit: '03-validator', folder: 'innovationOUtside__ou-xml-validator/docs', references: ['ou-xml-validator__gh-pages__index.xml']},
]

/** Element types compared; sections count every level the two toolchains may use. */
const kinds: Record<string, string[]> = {
  Session: ['Session'],
  'Section/InternalSection': ['Section', 'SubSection', 'SubSubSection', 'InternalSection'],
  // Paragraphs of prose: a listing's lines are paragraphs too (one per line here, often one per listing there).
  Paragraph: ['Paragraph'],
  Figure: ['Figure'],
  Equation: ['Equation'],
  ProgramListing: ['ProgramListing'],
  Table: ['Table'],
  Box: ['Box'],
  Activity: ['Activity'],
  Exercise: ['Exercise'],
  Answer: ['Answer'],
  Discussion: ['Discussion'],
  MediaContent: ['MediaContent'],
  GlossaryItem: ['GlossaryItem'],
}

/** The chapter files of a Jupyter Book `_toc.yml`, in order (the root, which the OU toolchain leaves out, too). */
function chapters(folder: string): string[] {
  const toc = parseYaml(readFileSync(join(folder, '_toc.yml'), 'utf8')) as {chapters?: Array<{file: string}>; parts?: Array<{chapters: Array<{file: string}>}>}
  const entries = [...(toc.chapters ?? []), ...(toc.parts ?? []).flatMap((p) => p.chapters)]
  return entries.map((e) => `${e.file}.md`).filter((file) => existsSync(join(folder, file)))
}

function count(root: Element): Record<string, number> {
  const listings = new Set([...all(root, 'ProgramListing'), ...all(root, 'ComputerDisplay')].flatMap((l) => all(l, 'Paragraph')))
  const counted = (name: string) => all(root, name).filter((e) => !listings.has(e)).length
  return Object.fromEntries(Object.entries(kinds).map(([kind, elementNames]) => [kind, elementNames.reduce((n, name) => n + counted(name), 0)]))
}

describe.skipIf(!existsSync(myst))('the MyST books the OU toolchain exported, exported by coursebook', () => {
  let result: BuildResult
  let root: string
  beforeAll(async () => {
    // The three books side by side as units of one course (each exported as its own document): chapters numbered in toc order, other folders copied beside them.
    root = writeCourse({})
    for (const book of books) {
      const from = join(myst, book.folder)
      const to = join(root, 'content', book.unit)
      mkdirSync(to, {recursive: true})
      chapters(from).forEach((file, i) => cpSync(join(from, file), join(to, `${String(i + 1).padStart(2, '0')}-${file}`)))
      for (const name of readdirSync(from)) if (statSync(join(from, name)).isDirectory() && !name.startsWith('.')) cpSync(join(from, name), join(to, name), {recursive: true})
    }
    result = await build({config: configFromObject(baseConfig, root), cache: false, outputs: {html: false}, ouxml: existsSync(schema) ? {schema} : {}})
  }, 120_000)

  it('exports every chapter as a session, and every document is valid against the OU schema', () => {
    const documents = result.ouxml!.documents
    expect(documents.map((d) => [d.name, d.sessions])).toEqual(books.map((b) => [b.unit, chapters(join(myst, b.folder)).length]))
    if (existsSync(schema)) expect(result.ouxml!.validation).toEqual({schema, errors: 0})
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  })

  it('maps the MyST and OU directives of the books to OU-XML constructs, leaving none unmapped', () => {
    const unmapped = result.diagnostics.filter((d) => d.ruleId === 'ouxml-unmapped')
    const directives = new Set(unmapped.map((d) => /MyST directive \{([^}]+)\}/.exec(d.message)?.[1]).filter(Boolean))
    for (const name of ['figure', 'admonition', 'ou-activity', 'ou-exercise', 'ou-audio', 'ou-video', 'ou-html5', 'glossary']) expect(directives).not.toContain(name)
    for (const d of unmapped) expect(d.file && d.line).toBeTruthy()
  })

  it('compares, per element type, with the OU-XML the OU toolchain made from the same books', () => {
    const rows: string[] = ['| book | reference | ' + Object.keys(kinds).join(' | ') + ' |', `|---|---|${Object.keys(kinds).map(() => '---').join('|')}|`]
    for (const book of books) {
      const ours = count(xml2js(readFileSync(join(result.outPath, `${book.unit}.xml`), 'utf8')) as Element)
      for (const reference of book.references) {
        const theirs = count(xml2js(readFileSync(join(references, reference), 'utf8')) as Element)
        rows.push(`| ${book.folder.split('/')[0]} | ${reference} | ${Object.keys(kinds).map((k) => `${ours[k]} / ${theirs[k]}`).join(' | ')} |`)
      }
      // Everything a chapter holds is somewhere: as many paragraphs as the reference, give or take what each toolchain splits differently.
      expect(ours.Session).toBeGreaterThan(0)
      expect(ours.Paragraph).toBeGreaterThan(0)
    }
    console.log(`coursebook / reference, per element type:\n${rows.join('\n')}`)
  })
})
