import {describe, expect, it} from 'vitest'
import {existsSync, readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import type {Element} from 'xml-js'
import {build, type BuildResult} from '../../../src/pipeline/run.js'
import {configFromObject} from '../../../src/config/load.js'
import type {UserConfig} from '../../../src/config/schema.js'
import {projectRoot} from '../../sites/helpers.js'
import {all, baseConfig, first, kids, names, notebook, parseXml, textOf, writeCourse} from './helpers.js'

const schemaPath = resolve(projectRoot, '../shared/ouxml-schema/OUIntermediateSchema.xsd')
const hasSchema = existsSync(schemaPath)
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>'

/** Two units that refer to each other's figures and equations, with a glossary in each and learning outcomes. */
const files = {
  'week-1/_unit.yml': 'title: Basics\nlearning_outcomes:\n  - Explain what a model is.\n  - Step a model forward.\n',
  'week-1/01-first.md': [
    '# First page',
    '',
    'As {numref}`fig-trolley` shows, and by {eq}`eq-local` and {eq}`eq-motion`; the {term}`Euler method`, {ref}`missing`.',
    '',
    '```{math}',
    ':label: eq-local',
    'x_{n+1} = x_n + h f(x_n)',
    '```',
    '',
    '```{glossary}',
    'Step size',
    '  The time $h$ between two steps, & more.',
    '```',
  ].join('\n'),
  'week-1/02-second.ipynb': notebook([{cell_type: 'markdown', source: '# Second\n\nBack to \\eqref{eq-local}.'}]),
  'week-2/01-model.md': [
    '# The model',
    '',
    '```{figure} images/block.svg',
    ':name: fig-trolley',
    ':alt: A block on a spring',
    '',
    'The trolley.',
    '```',
    '',
    '$$',
    'm\\ddot{x} = -kx \\label{eq-motion}',
    '$$',
    '',
    '```{glossary}',
    'Euler method',
    '  The simplest way to step forward.',
    '```',
  ].join('\n'),
  'week-2/images/block.svg': SVG,
}

/** Export the course; with `validate`, against the OU schema (about 5 s to compile it). */
async function exportCourse(config: Partial<UserConfig> = {}, validate = false): Promise<BuildResult> {
  const root = writeCourse(files)
  return build({config: configFromObject({...baseConfig, ...config}, root), cache: false, outputs: {html: false}, ouxml: validate ? {schema: schemaPath} : undefined})
}

const read = (result: BuildResult, name: string): Element => parseXml(readFileSync(join(result.outPath, name), 'utf8'))
/** Every CrossRef and olink in document order: its name, target and text. */
function refs(doc: Element): string[][] {
  const found: Element[] = []
  const walk = (e: Element) => {
    for (const child of kids(e)) {
      if (child.name === 'CrossRef' || child.name === 'olink') found.push(child)
      walk(child)
    }
  }
  walk(doc)
  return found.map((e) => [e.name!, String(e.attributes?.idref ?? `${e.attributes?.targetdoc} ${e.attributes?.targetptr}`), textOf(e)])
}

describe('cross-references, numbers and the glossary in the OU-XML export', () => {
  it('links references to the element of their target: CrossRef in the same document, olink in another', async () => {
    const result = await exportCourse()
    const week1 = read(result, 'week-1.xml')
    expect(refs(week1)).toEqual([
      ['olink', 'X_OUX1_week-2 X_week-2.01-model_fig-trolley', 'Figure 2.1'],
      ['CrossRef', 'X_week-1.01-first_eq-local', '(1.1)'],
      ['olink', 'X_OUX1_week-2 X_week-2.01-model_eq-motion', '(2.1)'],
      ['CrossRef', 'X_week-1.01-first_eq-local', '(1.1)'],
    ])
    // A {term} and a reference to nothing keep their text.
    expect(textOf(first(week1, 'Paragraph'))).toBe('As Figure 2.1 shows, and by (1.1) and (2.1); the Euler method, missing.')
    const week2 = read(result, 'week-2.xml')
    expect(first(week2, 'Figure')!.attributes!.id).toBe('X_week-2.01-model_fig-trolley')
    expect(textOf(first(first(week2, 'Figure'), 'Caption'))).toBe('Figure 2.1 The trolley.')
    expect(all(week1, 'Equation').map((e) => e.attributes?.id)).toEqual(['X_week-1.01-first_eq-local'])
    expect(result.diagnostics.filter((d) => d.ruleId === 'ouxml-xref-unresolved')).toEqual([])
    expect(result.diagnostics.filter((d) => d.ruleId === 'xref-unknown').map((d) => [d.line, d.message])).toEqual([
      [3, '{ref} "missing" names no label in the course (no figure, table, equation, section or activity has it); it is shown as text'],
    ])
  })

  it('puts the course glossary at the end of every document, alphabetical, with plain-text definitions', async () => {
    const result = await exportCourse()
    for (const name of ['week-1.xml', 'week-2.xml']) {
      const doc = read(result, name)
      expect(names(doc).at(-1)).toBe('BackMatter')
      const items = kids(first(doc, 'Glossary'))
      expect(items.map((item) => names(item))).toEqual([
        ['Term', 'Definition'],
        ['Term', 'Definition'],
      ])
      expect(items.map((item) => [textOf(first(item, 'Term')), textOf(first(item, 'Definition'))])).toEqual([
        ['Euler method', 'The simplest way to step forward.'],
        ['Step size', 'The time h between two steps, & more.'],
      ])
    }
  })

  it("opens each unit's first session with its learning outcomes", async () => {
    const result = await exportCourse()
    const session = first(read(result, 'week-1.xml'), 'Session')!
    expect(names(session).slice(0, 2)).toEqual(['Title', 'LearningOutcomes'])
    expect(kids(first(session, 'LearningOutcomes')).map((o) => [o.name, textOf(o)])).toEqual([
      ['LearningOutcome', 'Explain what a model is.'],
      ['LearningOutcome', 'Step a model forward.'],
    ])
  })

  it('uses CrossRef throughout when the course is one document', async () => {
    const result = await exportCourse({ouxml: {itemPer: 'course'}})
    const doc = read(result, 'oux1.xml')
    expect(refs(doc).map(([name, target]) => [name, target])).toEqual([
      ['CrossRef', 'X_week-2.01-model_fig-trolley'],
      ['CrossRef', 'X_week-1.01-first_eq-local'],
      ['CrossRef', 'X_week-2.01-model_eq-motion'],
      ['CrossRef', 'X_week-1.01-first_eq-local'],
    ])
    expect(all(doc, 'Glossary')).toHaveLength(1)
  })

  it.skipIf(!hasSchema)('validates against the OU schema, glossary and cross-references included', async () => {
    for (const itemPer of ['unit', 'course'] as const) {
      const result = await exportCourse({ouxml: {itemPer}}, true)
      expect(result.ouxml!.validation).toEqual({schema: schemaPath, errors: 0})
      expect(result.diagnostics.filter((d) => d.ruleId === 'ouxml-schema-error')).toEqual([])
    }
  })
})
