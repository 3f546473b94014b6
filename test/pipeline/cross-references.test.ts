import {describe, expect, it} from 'vitest'
import type {Course, PageReference, PageResult, PageSource, PageTarget, Unit} from '../../src/pipeline/types.js'
import {findTarget, linkCrossReferences, resolveReference, type CrossReferences} from '../../src/pipeline/cross-references.js'
import {resolveHtml, resolveOuxml} from '../../src/pipeline/resolve-tokens.js'
import {token} from '../../src/pipeline/tokens.js'
import type {OuxmlPage} from '../../src/export/ouxml/types.js'
import {configFromObject} from '../../src/config/load.js'

/** What a test page declares: its targets, references, glossary and body. */
interface PageSpec {
  file: string
  title?: string
  targets?: PageTarget[]
  references?: PageReference[]
  glossary?: PageResult['glossary']
  body?: string
}

const fig = (label: string, title = `Caption of ${label}`): PageTarget => ({label, kind: 'figure', id: label, title, numbered: true})
const eq = (label: string, id = label): PageTarget => ({label, kind: 'equation', id, title: label, numbered: true})
const section = (label: string, depth: number, options: Partial<PageTarget> = {}): PageTarget => ({label, kind: 'section', id: label, title: `Section ${label}`, numbered: true, depth, ...options})

/** A course of units (folder → pages; `index.md` is the unit's introduction, a top-level `index.md` the course home) and its link step. */
function link(units: Record<string, PageSpec[]>, options: {home?: PageSpec; numbering?: Record<string, unknown>} = {}) {
  const results = new Map<string, PageResult>()
  const intros = new Map<string, PageResult>()
  const course: Course = {units: [], pages: [], pagesBySource: new Map()}
  const result = (source: PageSource, spec: PageSpec): PageResult => ({
    source,
    title: spec.title ?? spec.file,
    meta: {},
    headings: [],
    body: spec.body ?? '',
    assets: [],
    dependencies: [],
    failed: false,
    targets: spec.targets,
    references: spec.references,
    glossary: spec.glossary,
  })
  for (const [dir, pages] of Object.entries(units)) {
    const unit: Unit = {dir, slug: dir, title: `Unit ${dir}`, learningOutcomes: [], meta: {}, pages: []}
    course.units.push(unit)
    for (const spec of pages) {
      const relPath = `${dir}/${spec.file}`
      const source: PageSource = {path: `/c/content/${relPath}`, relPath, kind: 'markdown', outPath: relPath.replace(/\.md$/, '.html'), unit, order: spec.file === 'index.md' ? -1 : unit.pages.length}
      if (spec.file === 'index.md') {
        unit.intro = {path: source.path, source: ''}
        intros.set(dir, result(source, spec))
        continue
      }
      unit.pages.push(source)
      course.pages.push(source)
      course.pagesBySource.set(relPath, source)
      results.set(relPath, result(source, spec))
    }
  }
  const homeUnit: Unit = {dir: '', slug: '', title: 'Course', learningOutcomes: [], meta: {}, pages: []}
  const home = options.home && result({path: '/c/content/index.md', relPath: 'index.md', kind: 'markdown', outPath: 'index.html', unit: homeUnit, order: -1}, options.home)
  const config = configFromObject({code: 'T1', title: 'The course', numbering: options.numbering ?? {}}, '/c')
  return {...linkCrossReferences({config, course, results, intros, courseIntro: home}), results}
}

const numberOf = (refs: CrossReferences, label: string, from = '') => findTarget(refs, label, from)?.number

describe('numbering targets per unit', () => {
  it('restarts the numbers in each unit and continues them across its pages, its introduction first', () => {
    const {references} = link({
      'week-1': [{file: 'a.md', targets: [fig('f1a'), eq('e1a')]}, {file: 'b.md', targets: [fig('f1b'), fig('f1c'), eq('e1b')]}],
      'week-2': [{file: 'index.md', targets: [fig('f2intro')]}, {file: 'a.md', targets: [fig('f2a'), {...fig('f2unnumbered'), numbered: false}, fig('f2b')]}],
    })
    expect(['f1a', 'f1b', 'f1c', 'e1a', 'e1b', 'f2intro', 'f2a', 'f2b'].map((l) => numberOf(references, l))).toEqual(['1.1', '1.2', '1.3', '1.1', '1.2', '2.1', '2.2', '2.3'])
    expect(numberOf(references, 'f2unnumbered')).toBeUndefined()
  })

  it('numbers the course home on its own, without a unit', () => {
    const {references} = link({'week-1': [{file: 'a.md', targets: [fig('f1')]}]}, {home: {file: 'index.md', targets: [fig('home-fig')]}})
    expect(numberOf(references, 'home-fig')).toBe('1')
    expect(numberOf(references, 'f1')).toBe('1.1')
  })

  it('numbers sections by depth within the unit (by its position, whatever its folder is called), and gives every label of one equation its number', () => {
    const {references} = link({
      'week-3': [
        {file: 'a.md', targets: [section('s1', 2), section('s1a', 3), section('s1b', 3), section('s2', 2)]},
        {file: 'b.md', targets: [section('s3', 2), section('s3a', 4), eq('first'), eq('alias', 'first'), eq('next')]},
      ],
    })
    expect(['s1', 's1a', 's1b', 's2', 's3', 's3a'].map((l) => numberOf(references, l))).toEqual(['1.1', '1.1.1', '1.1.2', '1.2', '1.3', '1.3.0.1'])
    expect(['first', 'alias', 'next'].map((l) => numberOf(references, l))).toEqual(['1.1', '1.1', '1.2'])
  })
})

describe('resolving references', () => {
  const course = () =>
    link({
      'week-1': [
        {file: 'intro.md', title: 'Introduction', targets: [section('sec-start', 2, {numbered: false}), eq('eq-one')], glossary: [{term: 'Euler method', id: 'term-euler-method', html: '<p>Step.</p>'}]},
      ],
      'week-2': [{file: 'index.md', title: 'index'}, {file: 'model.md', title: 'The model', targets: [fig('fig-flow', 'Water flowing.')]}],
    })

  it('gives a reference the number, title or page its kind asks for, and the site path of its target', () => {
    const {references} = course()
    const from = 'week-1/intro.md'
    expect(resolveReference(references, 'numref', 'fig-flow', from)).toMatchObject({path: 'week-2/model.html', id: 'fig-flow', text: 'Figure 2.1'})
    expect(resolveReference(references, 'ref', 'fig-flow', from)!.text).toBe('Water flowing.')
    expect(resolveReference(references, 'eq', 'eq-one', from)!.text).toBe('(1.1)')
    expect(resolveReference(references, 'numref', 'sec-start', from)!.text).toBe('Section sec-start')
    expect(resolveReference(references, 'doc', 'week-2/model', from)).toMatchObject({path: 'week-2/model.html', text: 'The model'})
    expect(resolveReference(references, 'doc', 'week-2/model.md', from)!.path).toBe('week-2/model.html')
    expect(resolveReference(references, 'doc', 'week-2', from)).toMatchObject({path: 'week-2/index.html', text: 'Unit week-2'})
    expect(resolveReference(references, 'term', 'euler  METHOD', from)).toEqual({path: 'glossary.html', id: 'term-euler-method', text: 'euler  METHOD'})
    for (const [kind, target] of [['ref', 'nope'], ['doc', 'week-9/x'], ['term', 'Runge-Kutta']]) expect(resolveReference(references, kind!, target!, from)).toBeUndefined()
  })

  it('writes numbers, relative hrefs and texts into a page body, escaped for HTML', () => {
    const {references} = link({
      'week-1': [{file: 'a.md', targets: [{...fig('fig-a'), title: 'Fish & <chips>'}]}],
      'week-2': [{file: 'b.md', targets: [fig('fig-b')]}],
    })
    const body = [
      `<a href="${token('href', 'numref:fig-b')}" class="xref">${token('text', 'numref:fig-b')}</a>`,
      `<a href="${token('href', 'ref:fig-a')}" class="xref">${token('text', 'ref:fig-a')}</a>`,
      `<figcaption>Figure ${token('num', 'fig-a')}</figcaption>`,
    ].join('\n')
    expect(resolveHtml(references, body, {relPath: 'week-1/a.md', outPath: 'week-1/a.html'})).toBe(
      ['<a href="../week-2/b.html#fig-b" class="xref">Figure 2.1</a>', '<a href="#fig-a" class="xref">Fish &amp; &lt;chips&gt;</a>', '<figcaption>Figure 1.1</figcaption>'].join('\n'),
    )
    // From the course home and the glossary page, at the site root.
    expect(resolveHtml(references, `<a href="${token('href', 'numref:fig-b')}">x</a>`, {relPath: 'index.md', outPath: 'index.html'})).toBe('<a href="week-2/b.html#fig-b">x</a>')
  })

  it('unwraps the link of a reference to nothing into a marked span, keeping its text', () => {
    const {references} = course()
    const body = `See <a href="${token('href', 'ref:nope')}" class="xref xref-ref">${token('text', 'ref:nope')}</a> and <a href="${token('href', 'numref:gone')}" class="xref xref-numref">Fig. ${token('num', 'gone')}</a>.`
    expect(resolveHtml(references, body, {relPath: 'week-1/intro.md', outPath: 'week-1/intro.html'})).toBe(
      'See <span class="xref xref-unknown">nope</span> and <span class="xref xref-unknown">Fig. ??</span>.',
    )
  })

  it('leaves a body without tokens as it is (the same string)', () => {
    const {references} = course()
    const body = '<p>Nothing to do.</p>'
    expect(resolveHtml(references, body, {relPath: 'week-1/intro.md', outPath: 'week-1/intro.html'})).toBe(body)
  })

  it('makes OU-XML cross-references plain links to the target page and id, and escapes texts for XML', () => {
    const {references} = course()
    const page: OuxmlPage = {
      id: 'X_week-1.intro',
      xml: `<Paragraph><CrossRef _cbref="0">${token('text', 'numref:fig-flow')}</CrossRef> <CrossRef _cbref="1">${token('text', 'ref:nope')}</CrossRef> <CrossRef _cbref="2">x</CrossRef></Paragraph>`,
      marks: [],
      links: [{source: token('href', 'numref:fig-flow'), pos: {line: 3}}, {source: token('href', 'ref:nope')}, {source: 'week-2/model.md', hash: 'top'}],
      ids: [],
      media: [],
      packages: [],
    }
    const {page: resolved, unresolved} = resolveOuxml(references, page, {relPath: 'week-1/intro.md', outPath: 'week-1/intro.html'})
    expect(resolved.xml).toBe('<Paragraph><CrossRef _cbref="0">Figure 2.1</CrossRef> <CrossRef _cbref="1">nope</CrossRef> <CrossRef _cbref="2">x</CrossRef></Paragraph>')
    expect(resolved.links[0]).toEqual({source: 'week-2/model.md', hash: 'fig-flow', pos: {line: 3}})
    expect([...unresolved]).toEqual([resolved.links[1]])
    expect(resolved.links[2]).toBe(page.links[2])
    expect(page.xml).toContain(token('text', 'numref:fig-flow'))
  })
})

describe('diagnostics of the link step', () => {
  it('reports each reference to an unknown label, page or term at its file, cell and line', () => {
    const {diagnostics} = link({
      'week-1': [
        {
          file: 'a.md',
          targets: [fig('fig-a')],
          references: [
            {kind: 'numref', target: 'fig-a', line: 2, column: 1},
            {kind: 'numref', target: 'fig-missing', line: 4, column: 7, cell: 2},
            {kind: 'doc', target: 'week-1/none', line: 5, column: 1},
            {kind: 'term', target: 'Unknown term', line: 6, column: 3},
          ],
        },
      ],
    })
    expect(diagnostics).toEqual([
      {severity: 'warning', ruleId: 'xref-unknown', message: '{numref} "fig-missing" names no label in the course (no figure, table, equation, section or activity has it); it is shown as text', hint: expect.any(String), file: '/c/content/week-1/a.md', cell: 2, line: 4, column: 7},
      {severity: 'warning', ruleId: 'xref-unknown', message: '{doc} "week-1/none" names no page of the course; it is shown as text', hint: expect.any(String), file: '/c/content/week-1/a.md', cell: undefined, line: 5, column: 1},
      {severity: 'warning', ruleId: 'xref-unknown', message: '{term} "Unknown term" is not a term of the course glossary; it is shown as text', hint: expect.any(String), file: '/c/content/week-1/a.md', cell: undefined, line: 6, column: 3},
    ])
  })

  it('reports an explicit label used twice, sends references to the one on the same page, and lets heading ids repeat across pages', () => {
    const {diagnostics, references} = link({
      'week-1': [{file: 'a.md', targets: [fig('fig-x'), section('summary', 2, {implicit: true, numbered: false})]}],
      'week-2': [{file: 'b.md', targets: [{...fig('fig-x'), line: 9, cell: 1}, section('summary', 2, {implicit: true, numbered: false})]}],
    })
    expect(diagnostics.map((d) => [d.ruleId, d.message, d.file, d.line, d.cell])).toEqual([
      ['label-duplicate', 'The label "fig-x" is used twice: here and on week-1/a.md; a reference goes to the one on its own page, else to the first', '/c/content/week-2/b.md', 9, 1],
    ])
    expect(resolveReference(references, 'numref', 'fig-x', 'week-2/b.md')!.text).toBe('Figure 2.1')
    expect(resolveReference(references, 'numref', 'fig-x', 'week-3/c.md')!.text).toBe('Figure 1.1')
    expect(resolveReference(references, 'ref', 'summary', 'week-2/b.md')!.path).toBe('week-2/b.html')
  })

  it('keeps the first definition of a glossary term, reports the second, and sorts the glossary as readers expect', () => {
    const entry = (term: string) => ({term, id: `term-${term.toLowerCase()}`, html: `<p>${term}.</p>`, text: `${term}.`})
    const {diagnostics, references} = link({
      'week-1': [{file: 'a.md', glossary: [entry('zeta'), entry('Alpha'), entry('beta 10'), entry('beta 9')]}],
      'week-2': [{file: 'b.md', glossary: [entry('ALPHA')]}],
    })
    expect(references.glossary.map((t) => [t.term, t.page.relPath])).toEqual([
      ['Alpha', 'week-1/a.md'],
      ['beta 9', 'week-1/a.md'],
      ['beta 10', 'week-1/a.md'],
      ['zeta', 'week-1/a.md'],
    ])
    expect(diagnostics.map((d) => [d.ruleId, d.message, d.file])).toEqual([
      ['label-duplicate', 'The glossary term "ALPHA" is defined twice: here and on week-1/a.md; the course glossary keeps the first', '/c/content/week-2/b.md'],
    ])
  })
})
