import {describe, expect, it} from 'vitest'
import {cpSync, existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {select, selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import {build} from '../../src/pipeline/run.js'
import {configFromObject} from '../../src/config/load.js'
import {readPage, sharedFixtures, tempCourse} from '../sites/helpers.js'

const book = join(sharedFixtures, 'myst/OpenComputingLab__reusable-content-example')
const mystmd = join(sharedFixtures, 'edge/mystmd')

/** The cases of a mystmd parser test file: input and expected HTML, each block ending with a line holding only `.`. */
function mystmdCases(path: string): Array<{title: string; input: string; html: string}> {
  const parts = readFileSync(path, 'utf8').split(/^\.$/m)
  const cases = []
  for (let i = 0; i + 2 < parts.length; i += 3) cases.push({title: parts[i]!.trim(), input: parts[i + 1]!.trim(), html: parts[i + 2]!.trim()})
  return cases
}

describe.skipIf(!existsSync(book))('numbering a real Jupyter Book (OpenComputingLab reusable-content-example)', () => {
  it('numbers its figures and equations in reading order and resolves its references, with nothing unknown', async () => {
    const c = tempCourse('cb-xref-book-')
    cpSync(book, join(c.root, 'content/book'), {recursive: true})
    const result = await build({config: configFromObject({code: 'RCE1', title: 'Reusable content'}, c.root), cache: false})
    const targets = result.pages.flatMap((p) => (p.targets ?? []).filter((t) => !t.implicit).map((t) => [p.source.relPath, t.kind, t.label]))
    expect(targets).toEqual([
      ['book/markdown_authoring.md', 'figure', 'myst_preview'],
      ['book/maths.md', 'equation', 'my-equation'],
      ['book/maths.md', 'equation', 'maxwell'],
      // `$$ \label{one-liner} Ax=b $$` on one line: a display equation in Jupyter Book, so numbered.
      ['book/maths.md', 'equation', 'one-liner'],
      ['book/production_workflow.md', 'figure', 'notebook_preview'],
      ['book/wasm-r-ide-interactive.md', 'figure', 'webr_repl_preview'],
      ['book/wasm-thebelite-interactive.md', 'figure', 'thebe_lite_preview'],
    ])
    const workflow = readPage(result, 'book/production-workflow.html')
    expect(selectAll('a.xref', workflow).map((a) => [a.properties.href, toString(a)])).toEqual([['#notebook_preview', 'Figure 1.2']])
    expect(toString(select('figure#notebook_preview .enumerator', workflow)!)).toBe('Figure 1.2')
    const maths = readPage(result, 'book/maths.html')
    expect(selectAll('.equation', maths).map((e) => [e.properties.id, toString(select('.eq-number', e)!)])).toEqual([
      ['my-equation', '(1.1)'],
      ['maxwell', '(1.2)'],
      ['one-liner', '(1.3)'],
    ])
    expect(result.diagnostics.filter((d) => ['xref-unknown', 'label-duplicate', 'ouxml-xref-unresolved'].includes(d.ruleId))).toEqual([])
  })
})

describe.skipIf(!existsSync(mystmd))("mystmd's own reference tests", () => {
  it('gives {ref} and {numref} to numbered figures the texts mystmd gives, in the course\'s format', async () => {
    const [figures] = mystmdCases(join(mystmd, 'myst-parser-tests/roles.references.md'))
    expect(figures!.title).toBe('Testing named figures and numbered references:')
    const c = tempCourse('cb-xref-mystmd-')
    // mystmd names a figure with `:label:` (Jupyter Book with `:name:`; both work).
    c.write('unit/page.md', `# Figures\n\n${figures!.input}\n`)
    const result = await build({config: configFromObject({code: 'MY1', title: 'mystmd'}, c.root), cache: false, outputs: {html: true, ouxml: false}})
    const page = readPage(result, 'unit/page.html')
    // mystmd writes "Fig 1"; {ref} to a figure shows its caption in Sphinx and here.
    const expected = [...figures!.html.matchAll(/<a href="#fig-(test\d)"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[1], m[2]!.replace(/Fig (\d)/, 'Figure 1.$1').replace(/: (\d)$/, ': 1.$1')])
    expect(expected).toHaveLength(9)
    expected[0]![1] = 'The Jupyter Book Logo!'
    expected[1]![1] = 'The Jupyter Book Logo again!'
    expect(selectAll('a.xref', page).map((a) => [String(a.properties.href).slice(1), toString(a)])).toEqual(expected)
    expect(result.diagnostics.filter((d) => d.ruleId === 'xref-unknown')).toEqual([])
  })

  it('resolves {ref} to a (label)= before a heading, with the heading or the explicit text, and reports a label that differs only in case', async () => {
    const cases = mystmdCases(join(mystmd, 'myst-parser-tests/blocks.target.md')).filter((k) => k.input.includes('{ref}'))
    expect(cases.map((k) => k.title)).toEqual(['Header with ID:', 'Header with ID and labeled link:', 'Reference to a non-existent ID:'])
    const c = tempCourse('cb-xref-mystmd-')
    cases.forEach((k, i) => c.write(`unit/0${i + 1}-page.md`, `# Page ${i + 1}\n\n${k.input}\n`))
    const result = await build({config: configFromObject({code: 'MY1', title: 'mystmd'}, c.root), cache: false, outputs: {html: true, ouxml: false}})
    const expected = cases.map((k) => [...k.html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]))
    const actual = cases.map((_, i) => selectAll('a.xref', readPage(result, `unit/0${i + 1}-page.html`)).map((a) => [a.properties.href, toString(a)]))
    expect(actual).toEqual(expected)
    expect(selectAll('.xref-unknown', readPage(result, 'unit/03-page.html')).map((e) => toString(e))).toEqual(['Not There'])
    expect(result.diagnostics.filter((d) => d.ruleId === 'xref-unknown').map((d) => [d.file!.split('/').pop(), d.line, d.message])).toEqual([
      ['03-page.md', 6, '{ref} "my_ID" names no label in the course (no figure, table, equation, section or activity has it); it is shown as text'],
    ])
  })
})
