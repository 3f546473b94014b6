import {describe, expect, it} from 'vitest'
import type {Heading, Link, Paragraph, Root, Text} from 'mdast'
import type {CourseFigure} from '../../../src/pipeline/types.js'
import {numberingTransform} from '../../../src/transform/numbering/index.js'
import {collectGlossary, termId} from '../../../src/transform/numbering/glossary.js'
import {docPath} from '../../../src/transform/numbering/references.js'
import {treeToHtml} from '../../../src/render/html/to-html.js'
import {mathTransform} from '../../../src/transform/math.js'
import {activity, figure, glossaryEntry, heading, math, numbering, pageFile, paragraph, readable, ref, root, target, text} from './helpers.js'

const run = (tree: Root, options = numbering(), relPath?: string) => numberingTransform(tree, pageFile(relPath), {numbering: options})

describe('the numbering transform: targets', () => {
  it('gives captioned figures, tables and listings an enumerator made of the format and a number token, in reading order', () => {
    const tree = root(figure('figure', 'A flow.', 'fig-flow', 3), figure('table', 'Values.', 'tab-values'), figure('code', 'The loop.', 'code-loop'))
    const result = run(tree)
    const [fig, table, code] = tree.children as CourseFigure[]
    expect(readable(fig!.enumerator!)).toBe('Figure ⟦num|fig-flow⟧')
    expect(readable(table!.enumerator!)).toBe('Table ⟦num|tab-values⟧')
    expect(readable(code!.enumerator!)).toBe('Listing ⟦num|code-loop⟧')
    expect(result.targets).toEqual([
      {label: 'fig-flow', kind: 'figure', id: 'fig-flow', title: 'A flow.', numbered: true, line: 3},
      {label: 'tab-values', kind: 'table', id: 'tab-values', title: 'Values.', numbered: true},
      {label: 'code-loop', kind: 'code', id: 'code-loop', title: 'The loop.', numbered: true},
    ])
  })

  it('numbers an unlabelled captioned figure under a label made from the page path, and leaves an uncaptioned unlabelled one alone', () => {
    const tree = root(figure('figure', 'First.'), figure('figure', ''), figure('figure', 'Second.'))
    const result = run(tree, numbering(), 'week-2/model.md')
    expect(result.targets!.map((t) => [t.label, t.id, t.numbered])).toEqual([
      ['week-2/model.md#figure-1', '', true],
      ['week-2/model.md#figure-2', '', true],
    ])
    expect((tree.children[1] as CourseFigure).enumerator).toBeUndefined()
    expect(readable((tree.children[2] as CourseFigure).enumerator!)).toBe('Figure ⟦num|week-2/model.md#figure-2⟧')
  })

  it('honours the config: a kind switched off gets no number, and formats are the course\'s own', () => {
    const tree = root(figure('figure', 'A flow.', 'fig-flow'), figure('table', 'Values.', 'tab-values'))
    const result = run(tree, numbering({tables: false, format: {figure: 'Fig. %s:'}}))
    expect(readable((tree.children[0] as CourseFigure).enumerator!)).toBe('Fig. ⟦num|fig-flow⟧:')
    expect((tree.children[1] as CourseFigure).enumerator).toBeUndefined()
    expect(result.targets!.map((t) => t.numbered)).toEqual([true, false])
  })

  it('takes a (label)= before a figure as its label, and before a heading as the section label', () => {
    const tree = root(target('fig-x'), figure('figure', 'X.'), target('sec-method'), heading(2, 'Method', 'sec-method'), heading(2, 'Results', 'results'))
    const result = run(tree)
    expect((tree.children[1] as CourseFigure).label).toBe('fig-x')
    expect(result.targets).toEqual([
      {label: 'fig-x', kind: 'figure', id: 'fig-x', title: 'X.', numbered: true},
      {label: 'sec-method', kind: 'section', id: 'sec-method', title: 'Method', numbered: false, depth: 2},
      {label: 'results', kind: 'section', id: 'results', title: 'Results', numbered: false, depth: 2, implicit: true},
    ])
  })

  it('puts a number token before each heading when sections are numbered', () => {
    const tree = root(heading(2, 'Method', 'method'))
    const result = run(tree, numbering({sections: true}))
    expect(readable(((tree.children[0] as Heading).children[0] as {value: string}).value)).toBe('⟦num|method⟧ ')
    expect(result.targets![0]!.numbered).toBe(true)
  })

  it('gives a (label)= before any other block that block as its id', () => {
    const tree = root(target('key-point'), paragraph(text('The key point of the page.')))
    const result = run(tree)
    expect((tree.children[1] as Paragraph).data).toEqual({hProperties: {id: 'key-point'}})
    expect(result.targets).toEqual([{label: 'key-point', kind: 'section', id: 'key-point', title: 'The key point of the page.', numbered: false}])
  })

  it('numbers labelled display equations: a data label is written into the TeX as \\label, every label of one formula shares its id', () => {
    const tree = root(math('x = 1', 'eq-one'), math('a = b \\label{eq-a} \\\\ c = d \\label{eq-c}'), math('y = 2'), math('z = 3 \\tag{*} \\label{eq-tagged}'))
    const result = run(tree)
    const [one, pair, plain, tagged] = tree.children as Array<{value: string; data?: {numbering?: {id: string; enumerator?: string}}}>
    expect(one!.value).toBe('x = 1\\label{eq-one}')
    expect(one!.data!.numbering!.id).toBe('eq-one')
    expect(readable(one!.data!.numbering!.enumerator!)).toBe('(⟦num|eq-one⟧)')
    expect(pair!.data!.numbering!.id).toBe('eq-a')
    expect(plain!.data).toBeUndefined()
    expect(tagged!.data!.numbering).toEqual({id: 'eq-tagged', enumerator: undefined})
    expect(result.targets!.map((t) => [t.label, t.id, t.numbered])).toEqual([
      ['eq-one', 'eq-one', true],
      ['eq-a', 'eq-a', true],
      ['eq-c', 'eq-a', true],
      ['eq-tagged', 'eq-tagged', false],
    ])
  })

  it('lists labelled activities and sums the minutes of all activities', () => {
    const tree = root(activity(15, 'act-first', 'Try it'), activity(), activity(30))
    const result = run(tree)
    expect(result.targets).toEqual([{label: 'act-first', kind: 'activity', id: 'act-first', title: 'Try it', numbered: false}])
    expect(result.activityMinutes).toBe(45)
    expect(result.activityCount).toBe(3)
  })

  it('adds nothing to a page with no targets, references or activities', () => {
    expect(run(root(paragraph(text('Plain prose.'))))).toEqual({})
  })
})

describe('the numbering transform: references', () => {
  it('turns each cross-reference into a link whose href and text are tokens, and records where it was written', () => {
    const tree = root(paragraph(ref('numref', 'fig-flow', undefined, 7, 2), text(' and '), ref('ref', 'sec-method', 'the method')))
    const result = run(tree)
    const [numref, , explicit] = (tree.children[0] as Paragraph).children as Link[]
    expect(numref!.type).toBe('link')
    expect(readable(numref!.url)).toBe('⟦href|numref:fig-flow⟧')
    expect(readable((numref!.children[0] as {value: string}).value)).toBe('⟦text|numref:fig-flow⟧')
    expect(numref!.data).toMatchObject({cell: 2, hProperties: {className: ['xref', 'xref-numref']}})
    expect(readable(String((numref!.data as {hProperties: {href: string}}).hProperties.href))).toBe('⟦href|numref:fig-flow⟧')
    expect(readable((numref!.data as {pageLink: {source: string}}).pageLink.source)).toBe('⟦href|numref:fig-flow⟧')
    expect(explicit!.children).toEqual([text('the method')])
    expect(result.references).toEqual([
      {kind: 'numref', target: 'fig-flow', line: 7, column: 5, cell: 2},
      {kind: 'ref', target: 'sec-method'},
    ])
  })

  it('puts the number token where explicit {numref} text has %s or {number}', () => {
    const tree = root(paragraph(ref('numref', 'fig-flow', 'Fig. %s, or {number}')))
    run(tree)
    const link = (tree.children[0] as Paragraph).children[0] as Link
    expect(readable((link.children[0] as {value: string}).value)).toBe('Fig. ⟦num|fig-flow⟧, or ⟦num|fig-flow⟧')
  })

  it('links {term} to the glossary without a page link (OU-XML keeps its text), and resolves {doc} paths from the page', () => {
    const tree = root(paragraph(ref('term', 'Euler method'), ref('doc', '../week-2/model')))
    const result = run(tree, numbering(), 'week-1/intro.md')
    const [term, doc] = (tree.children[0] as Paragraph).children as Link[]
    expect((term!.data as {pageLink?: unknown}).pageLink).toBeUndefined()
    expect(readable(doc!.url)).toBe('⟦href|doc:week-2/model⟧')
    expect(result.references!.map((r) => r.target)).toEqual(['Euler method', 'week-2/model'])
  })

  it('reads {doc} paths as MyST does', () => {
    expect(docPath('other', 'week-1/intro.md')).toBe('week-1/other')
    expect(docPath('/week-3/summary.ipynb', 'week-1/intro.md')).toBe('week-3/summary.ipynb')
    expect(docPath('./sub/page.md', 'week-1/intro.md')).toBe('week-1/sub/page.md')
    expect(docPath('../index', 'week-1/intro.md')).toBe('index')
  })

  it('makes \\eqref and \\ref in a notebook\'s prose references, but not inside a link or on a Markdown page', () => {
    // Notebook nodes carry their cell in `data` (CellData), which mdast's own Text type does not declare.
    const cellText = {...text('As \\eqref{eq-energy} shows, see also (\\ref{eq-mass}).'), position: {start: {line: 3, column: 1}, end: {line: 3, column: 50}}, data: {cell: 4}} as Text
    const linkText: Link = {type: 'link', url: 'https://example.org', children: [text('\\ref{x}')]}
    const tree = root({type: 'notebookMarkdownCell', index: 4, tags: [], hidden: {input: false}, children: [paragraph(cellText, linkText)]})
    const result = run(tree, numbering(), 'week-1/nb.ipynb')
    expect(result.references).toEqual([
      {kind: 'eq', target: 'eq-energy', line: 3, column: 4, cell: 4},
      {kind: 'numref', target: 'eq-mass', line: 3, column: 39, cell: 4},
    ])
    const html = readable(treeToHtml(tree))
    expect(html).toContain('As <a href="⟦href|eq:eq-energy⟧" class="xref xref-eq">⟦text|eq:eq-energy⟧</a> shows, see also (<a href="⟦href|numref:eq-mass⟧" class="xref xref-numref">⟦num|eq-mass⟧</a>).')
    expect(html).toContain('<a href="https://example.org">\\ref{x}</a>')

    const page = root(paragraph(text('See \\eqref{eq-energy}.')))
    expect(run(page).references).toBeUndefined()
  })

  it('lists references written in TeX inside formulas (the math transform typesets them)', () => {
    const tree = root(paragraph({type: 'inlineMath', value: '\\eqref{eq-a} + \\ref{eq-b}'} as never))
    expect(run(tree).references).toEqual([
      {kind: 'eq', target: 'eq-a'},
      {kind: 'numref', target: 'eq-b'},
    ])
  })
})

describe('the page glossary', () => {
  it('collects one entry per term, the definition rendered as the rest of the page and kept as plain text (formulas as TeX)', () => {
    const tree = root({type: 'glossary', children: [glossaryEntry(['ODE', 'Ordinary differential equation'], [paragraph(text('An equation in '), {type: 'inlineMath', value: 'x(t)'} as never, text('.'))])]})
    const file = pageFile()
    numberingTransform(tree, file, {numbering: numbering()})
    mathTransform(tree, file, {macros: {}})
    const entries = collectGlossary(tree, (definition) => treeToHtml(definition))!
    expect(entries.map((e) => [e.term, e.id, e.text])).toEqual([
      ['ODE', 'term-ode', 'An equation in x(t).'],
      ['Ordinary differential equation', 'term-ordinary-differential-equation', 'An equation in x(t).'],
    ])
    expect(entries[0]!.html).toMatch(/^<p>An equation in <span class="katex">.*<\/span>\.<\/p>$/)
    expect(entries[1]!.html).toBe(entries[0]!.html)
    expect(termId('  Euler’s method ')).toBe('term-eulers-method')
    expect(collectGlossary(root(), () => '')).toBeUndefined()
  })
})
