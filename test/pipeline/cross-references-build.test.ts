import {beforeAll, describe, expect, it} from 'vitest'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {selectAll, select} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import type {Root} from 'hast'
import {build, type BuildResult} from '../../src/pipeline/run.js'
import {configFromObject} from '../../src/config/load.js'
import {configDigest} from '../../src/cache/config-digest.js'
import {readPage, siteFiles, tempCourse} from '../sites/helpers.js'

/** A notebook (nbformat 4.5) with these Markdown cells. */
function notebook(...cells: string[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {kernelspec: {name: 'python3', display_name: 'Python 3', language: 'python'}},
    cells: cells.map((source, i) => ({id: `c${i}`, cell_type: 'markdown', metadata: {}, source})),
  })
}

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>'

const MODEL = (extraFigure: boolean) =>
  [
    '# The model',
    '',
    ...(extraFigure ? ['```{figure} images/block.svg', ':alt: Another block', '', 'A figure added later.', '```', ''] : []),
    '```{figure} images/block.svg',
    ':name: fig-trolley',
    ':alt: A block on a spring',
    '',
    'The trolley on its spring.',
    '```',
    '',
    '```{math}',
    ':label: eq-motion',
    'm\\ddot{x} + c\\dot{x} + kx = 0',
    '```',
    '',
    '```{glossary}',
    'Euler method',
    '  The simplest way to step an ODE forward in time.',
    '```',
  ].join('\n')

const FILES: Record<string, string> = {
  'index.md': '# Welcome\n\nStart with {numref}`fig-trolley`.\n',
  'week-1/_unit.yml': 'title: Getting started\nlearning_outcomes:\n  - Step a model forward.\n',
  'week-1/01-intro.md': [
    '# Introduction',
    '',
    '(sec-start)=',
    '## Getting started',
    '',
    'See {numref}`fig-trolley`, equation {eq}`eq-motion`, {doc}`../week-2/01-model`, the {term}`Euler method`,',
    '{numref}`Fig. %s <fig-trolley>` and {ref}`sec-start`.',
    '',
    'A broken one: {ref}`no-such-label`.',
    '',
    '```{ou-activity} Try it',
    ':timing: 15 minutes',
    '',
    'Step the model.',
    '```',
  ].join('\n'),
  'week-1/02-worked.ipynb': notebook('# Worked example\n\nAs \\eqref{eq-motion} says, and as \\eqref{eq-local} shows:', '$$\nx = 1 \\label{eq-local}\n$$\n\nBut \\eqref{eq-nowhere} is not there.'),
  'week-2/index.md': '---\ntitle: Modelling\n---\n\n# Modelling\n\n```{figure} images/block.svg\n:name: fig-overview\n:alt: Overview\n\nAn overview.\n```\n\n```{ou-activity} Warm up\n:timing: 1 hour\n\nThink.\n```\n',
  'week-2/01-model.md': MODEL(false),
  'week-2/images/block.svg': SVG,
}

function course() {
  const c = tempCourse('cb-xref-')
  for (const [path, text] of Object.entries(FILES)) c.write(path, text)
  return c
}

const config = (root: string) => configFromObject({code: 'XR1', title: 'Cross-references'}, root)
const body = (tree: Root) => select('.page-body', tree) ?? select('main', tree)!
const links = (tree: Root) => selectAll('a.xref', body(tree)).map((a) => [String(a.properties.href), toString(a)])

describe('numbering and cross-references across a built course', () => {
  let result: BuildResult
  beforeAll(async () => {
    const c = course()
    result = await build({config: config(c.root), cache: false})
  })

  it('numbers figures per unit, the unit introduction first, and shows the numbers in captions', () => {
    expect(toString(select('figure#fig-overview .enumerator', readPage(result, 'week-2/index.html'))!)).toBe('Figure 2.1')
    expect(toString(select('figure#fig-trolley .enumerator', readPage(result, 'week-2/01-model.html'))!)).toBe('Figure 2.2')
    const equation = select('.equation#eq-motion', readPage(result, 'week-2/01-model.html'))!
    expect(toString(select('.eq-number', equation)!)).toBe('(2.1)')
  })

  it('resolves references from week 1 to week 2 with the number and the relative href', () => {
    const page = readPage(result, 'week-1/01-intro.html')
    expect(links(page)).toEqual([
      ['../week-2/01-model.html#fig-trolley', 'Figure 2.2'],
      ['../week-2/01-model.html#eq-motion', '(2.1)'],
      ['../week-2/01-model.html', 'The model'],
      ['../glossary.html#term-euler-method', 'Euler method'],
      ['../week-2/01-model.html#fig-trolley', 'Fig. 2.2'],
      ['#sec-start', 'Getting started'],
    ])
    expect(selectAll('.xref-unknown', page).map((e) => toString(e))).toEqual(['no-such-label'])
    expect(links(readPage(result, 'index.html'))).toEqual([['week-2/01-model.html#fig-trolley', 'Figure 2.2']])
  })

  it("resolves a notebook's \\eqref in prose, and numbers its own labelled equation in its unit", () => {
    const page = readPage(result, 'week-1/02-worked.html')
    expect(links(page)).toEqual([
      ['../week-2/01-model.html#eq-motion', '(2.1)'],
      ['#eq-local', '(1.1)'],
    ])
    expect(toString(select('.equation#eq-local .eq-number', page)!)).toBe('(1.1)')
  })

  it('reports each unknown reference at its file, cell and line, and nothing else about references', () => {
    const found = result.diagnostics.filter((d) => d.ruleId === 'xref-unknown' || d.ruleId === 'label-duplicate' || d.ruleId === 'ouxml-xref-unresolved')
    expect(found.map((d) => [d.ruleId, d.file!.slice(d.file!.indexOf('content/')), d.cell, d.line, d.message])).toEqual([
      ['xref-unknown', 'content/week-1/01-intro.md', undefined, 9, '{ref} "no-such-label" names no label in the course (no figure, table, equation, section or activity has it); it is shown as text'],
      ['xref-unknown', 'content/week-1/02-worked.ipynb', 1, 5, '{eq} "eq-nowhere" names no label in the course (no figure, table, equation, section or activity has it); it is shown as text'],
    ])
  })

  it('writes the course glossary, linked from the navigation and the home page, with a link back to the definition', () => {
    const glossary = readPage(result, 'glossary.html')
    expect(toString(select('dt#term-euler-method', glossary)!)).toBe('Euler method')
    expect(toString(select('dd', glossary)!)).toContain('The simplest way to step an ODE forward in time.')
    expect(select('dd .glossary-source a', glossary)!.properties.href).toBe('week-2/01-model.html#term-euler-method')
    expect(select('dt#term-euler-method', readPage(result, 'week-2/01-model.html'))).toBeDefined()
    expect(select('.course-nav-glossary', readPage(result, 'week-1/01-intro.html'))!.properties.href).toBe('../glossary.html')
    expect(select('.course-nav-glossary[aria-current=page]', glossary)).toBeDefined()
    expect(toString(select('.course-facts', readPage(result, 'index.html'))!)).toContain('Terms used in the course')
  })

  it("rolls activity time up into the page's, the unit's and the course's study time", () => {
    const unit = readPage(result, 'week-1/index.html')
    expect(toString(select('.page-header .badge-time', unit)!)).toContain('15 min')
    expect(toString(select('.unit-activities', unit)!)).toBe('Includes 1 activity, 15 min')
    expect(toString(select('.page-list-item .badge-time', unit)!)).toContain('15 min')
    expect(toString(select('.page-header .badge-time', readPage(result, 'week-1/01-intro.html'))!)).toContain('15 min')
    // A unit introduction's activities count towards its unit.
    const week2 = readPage(result, 'week-2/index.html')
    expect(toString(select('.unit-activities', week2)!)).toBe('Includes 1 activity, 1 h')
    expect(toString(select('.page-header .badge-time', week2)!)).toContain('1 h')
    expect(toString(select('.course-facts', readPage(result, 'index.html'))!)).toContain('1 h 15 min')
  })

  it('leaves no token in any file it writes', () => {
    for (const [path, bytes] of siteFiles(result.outPath)) {
      if (/\.(html|xml|js|css)$/.test(path)) expect(/[\uE000-\uE002]/.test(bytes.toString('utf8')), path).toBe(false)
    }
  })
})

describe('numbering with the page cache', () => {
  it('gives the same site as a clean build when a referenced page changes, without rendering the referring page again', async () => {
    const c = course()
    const cfg = config(c.root)
    await build({config: cfg, outDir: join(c.root, 'first')})
    writeFileSync(join(c.root, 'content/week-2/01-model.md'), MODEL(true))
    const cached = await build({config: cfg, outDir: join(c.root, 'cached')})
    expect(cached.rendered).toEqual(['week-2/01-model.md'])
    const clean = await build({config: cfg, outDir: join(c.root, 'clean'), cache: false})
    const intro = readFileSync(join(cached.outPath, 'week-1/01-intro.html'), 'utf8')
    expect(intro).toContain('<a href="../week-2/01-model.html#fig-trolley" class="xref xref-numref">Figure 2.3</a>')
    const expected = siteFiles(clean.outPath)
    const actual = siteFiles(cached.outPath)
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort())
    for (const [path, bytes] of expected) expect(actual.get(path)!.equals(bytes), path).toBe(true)
    expect(cached.diagnostics).toEqual(clean.diagnostics)
  })

  it('forgets nothing between builds: the cached outcome of a page still holds its tokens', async () => {
    const c = course()
    const cfg = config(c.root)
    const first = await build({config: cfg, outDir: join(c.root, 'a')})
    expect(first.outcomes.get('week-1/01-intro.md')!.result!.body).toContain('\uE000')
    const second = await build({config: cfg, outDir: join(c.root, 'b')})
    expect(second.rendered).toEqual([])
    expect(readFileSync(join(second.outPath, 'week-1/01-intro.html'), 'utf8')).toContain('Figure 2.2')
  })
})

describe('numbering and the page cache key', () => {
  it('renders pages again when the numbering config changes, since captions show its formats', () => {
    const root = tempCourse('cb-xref-digest-').root
    const base = configFromObject({code: 'XR1', title: 'T'}, root)
    const changed = configFromObject({code: 'XR1', title: 'T', numbering: {format: {figure: 'Fig. %s'}}}, root)
    expect(configDigest(changed)).not.toBe(configDigest(base))
    expect(configDigest(configFromObject({code: 'XR1', title: 'T', numbering: {}}, root))).toBe(configDigest(base))
  })
})

describe('authored text cannot forge a token', () => {
  it('drops the token delimiters from what the author wrote', async () => {
    const c = tempCourse('cb-xref-forge-')
    c.write('week-1/01-a.md', `# A\n\nForged \uE000text\uE001ref%3Ax\uE002 token.\n`)
    const result = await build({config: config(c.root), cache: false})
    const html = readFileSync(join(result.outPath, 'week-1/01-a.html'), 'utf8')
    expect(html).toContain('Forged textref%3Ax token.')
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('control-characters')
  })
})
