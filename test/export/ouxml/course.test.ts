import {beforeAll, describe, expect, it} from 'vitest'
import {existsSync, mkdtempSync, readFileSync, readdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {unzipSync} from 'fflate'
import type {Element} from 'xml-js'
import {build, type BuildResult} from '../../../src/pipeline/run.js'
import {configFromObject} from '../../../src/config/load.js'
import type {UserConfig} from '../../../src/config/schema.js'
import {all, baseConfig, first, kids, names, notebook, parseXml, textOf, withRule, writeCourse} from './helpers.js'

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle r="4" cx="5" cy="5"/></svg>'

/** Two units: links between pages, within and across units, an image, a notebook, unit metadata. */
const files = {
  'index.md': '# Course home\n',
  'week-1/_unit.yml': 'title: "Week 1: Basics"\nlearning_outcomes:\n  - Explain a thing.\n  - Do a thing.\n',
  'week-1/index.md': '# Week 1: Basics\n\nStart with [the first page](01-first.md).\n',
  'week-1/01-first.md': [
    '# First page',
    '',
    'See [the method](02-second.ipynb#the-method), [its start](02-second.ipynb), [below](#later), [week 2](../week-2/01-next.md#deep-dive),',
    '[a missing heading](02-second.ipynb#nowhere), [home](../index.md) and [the unit](../week-2/), [as Jupyter writes it](02-second.ipynb#The-Method).',
    '',
    '![A circle](images/circle.svg "Figure 1 A circle")',
    '',
    '## Later',
    '',
    'Text.',
  ].join('\n'),
  'week-1/02-second.ipynb': notebook([
    {cell_type: 'markdown', source: '# Second page\n\n## The method\n\nDo it.'},
    {cell_type: 'code', source: 'print(1)', execution_count: 1, outputs: [{output_type: 'stream', name: 'stdout', text: '1\n'}]},
  ]),
  'week-1/images/circle.svg': SVG,
  'week-2/01-next.md': '# Next page\n\n## Deep dive\n\nBack to [the first page](../week-1/01-first.md).\n',
}

function exportCourse(root: string, config: Partial<UserConfig> = {}, options: Parameters<typeof build>[0] = {}): Promise<BuildResult> {
  return build({config: configFromObject({...baseConfig, ...config}, root), cache: false, outputs: {html: false}, ...options})
}

const read = (result: BuildResult, name: string): Element => parseXml(readFileSync(join(result.outPath, name), 'utf8'))

describe('the OU-XML documents of a course', () => {
  let result: BuildResult
  let week1: Element
  let week2: Element
  beforeAll(async () => {
    const root = writeCourse(files)
    result = await exportCourse(root, {
      authors: ['Ada Okafor', {name: 'Sam Whitfield'}],
      language: 'en-GB',
      binder: {repo: 'org/course'},
      ouxml: {numberSessions: true, firstPublished: 2026, isbn: '978-1-234', edition: '1.0', rendering: 'OpenLearn'},
    })
    week1 = read(result, 'week-1.xml')
    week2 = read(result, 'week-2.xml')
  })

  it('writes one document per unit, with its media and a zip holding both, and nothing of the website', () => {
    expect(result.outPath.endsWith(join('dist', 'ouxml'))).toBe(true)
    expect(readdirSync(result.outPath).sort()).toEqual(['week-1', 'week-1.xml', 'week-1.zip', 'week-2.xml', 'week-2.zip'])
    expect(readFileSync(join(result.outPath, 'week-1/images/circle.svg'), 'utf8')).toBe(SVG)
    const zip = unzipSync(new Uint8Array(readFileSync(join(result.outPath, 'week-1.zip'))))
    expect(Object.keys(zip).sort()).toEqual(['week-1.xml', 'week-1/images/circle.svg'])
    expect(new TextDecoder().decode(zip['week-1.xml'])).toBe(readFileSync(join(result.outPath, 'week-1.xml'), 'utf8'))
    expect(result.ouxml!.documents.map((d) => [d.name, d.itemId, d.sessions])).toEqual([
      ['week-1', 'X_OUX1_week-1', 3],
      ['week-2', 'X_OUX1_week-2', 1],
    ])
  })

  it('frames each document as Item, CourseCode, CourseTitle, ItemID, ItemTitle, FrontMatter and Unit, with the attributes from the config', () => {
    expect(week1.name).toBe('Item')
    expect(week1.attributes).toEqual({
      TextType: 'CompleteItem',
      SchemaVersion: '2.0',
      id: 'X_OUX1_week-1',
      Template: 'Generic_A4_Unnumbered',
      Rendering: 'OpenLearn',
      DiscussionAlias: 'Discussion',
      vleglossary: 'auto',
      'xml:lang': 'en-GB',
    })
    expect(names(week1)).toEqual(['CourseCode', 'CourseTitle', 'ItemID', 'ItemTitle', 'FrontMatter', 'Unit'])
    expect(kids(week1).slice(0, 4).map(textOf)).toEqual(['OUX1', 'Export course', '', 'Week 1: Basics'])
    const front = first(week1, 'FrontMatter')!
    expect(names(front)).toEqual(['ByLine', 'Imprint'])
    expect(textOf(first(front, 'ByLine'))).toBe('Ada Okafor, Sam Whitfield')
    expect(textOf(first(front, 'FirstPublished'))).toBe('First published 2026')
    expect([textOf(first(front, 'ISBN')), textOf(first(front, 'Edition'))]).toEqual(['978-1-234', '1.0'])
  })

  it('gives each unit UnitID, UnitTitle and ByLine, and a Session per page: the unit introduction first, then the pages in order', () => {
    const unit = first(week1, 'Unit')!
    expect(names(unit)).toEqual(['UnitID', 'UnitTitle', 'ByLine', 'Session', 'Session', 'Session'])
    expect(kids(unit).slice(0, 2).map(textOf)).toEqual(['1', 'Week 1: Basics'])
    expect(textOf(first(first(week2, 'Unit'), 'UnitID'))).toBe('2')
    const sessions = all(week1, 'Session')
    expect(sessions.map((s) => s.attributes!.id)).toEqual(['X_week-1.index', 'X_week-1.01-first', 'X_week-1.02-second'])
    expect(sessions.map((s) => textOf(kids(s)[0]))).toEqual(['Week 1: Basics', '1 First page', '2 Second page'])
    // Learning outcomes of the unit open its first session.
    expect(names(sessions[0]).slice(0, 2)).toEqual(['Title', 'LearningOutcomes'])
    expect(kids(kids(sessions[0])[1]).map(textOf)).toEqual(['Explain a thing.', 'Do a thing.'])
    expect(textOf(first(sessions[1], 'Section')!.elements![0] as Element)).toBe('1.1 Later')
  })

  it('puts a paragraph linking to Binder at the top of a notebook session', () => {
    const notebookSession = all(week1, 'Session')[2]!
    const paragraph = kids(notebookSession)[1]!
    expect(paragraph.name).toBe('Paragraph')
    expect(first(paragraph, 'a')!.attributes!.href).toBe('https://mybinder.org/v2/gh/org/course/main?labpath=content%2Fweek-1%2F02-second.ipynb')
    expect(textOf(paragraph)).toBe('Launch this notebook on Binder to run and change its code yourself.')
  })

  it('gives every element id the OU pattern (X…, no spaces), unique in its document', () => {
    for (const doc of [week1, week2]) {
      const ids = collectIds(doc)
      expect(ids.length).toBeGreaterThan(1)
      expect(new Set(ids).size).toBe(ids.length)
      for (const id of ids) expect(id).toMatch(/^X[A-Za-z0-9._-]*$/)
    }
  })

  it('resolves links: CrossRef within the document, olink to another unit, text for the course home; a missing heading falls back to the page', () => {
    const paragraph = kids(all(week1, 'Session')[1])[1]!
    const refs = kids(paragraph).filter((e) => e.name === 'CrossRef' || e.name === 'olink')
    expect(refs.map((e) => [e.name, e.attributes, textOf(e)])).toEqual([
      ['CrossRef', {idref: 'X_week-1.02-second_the-method'}, 'the method'],
      ['CrossRef', {idref: 'X_week-1.02-second'}, 'its start'],
      ['CrossRef', {idref: 'X_week-1.01-first_later'}, 'below'],
      ['olink', {targetdoc: 'X_OUX1_week-2', targetptr: 'X_week-2.01-next_deep-dive'}, 'week 2'],
      ['CrossRef', {idref: 'X_week-1.02-second'}, 'a missing heading'],
      ['olink', {targetdoc: 'X_OUX1_week-2', targetptr: 'X_week-2.01-next'}, 'the unit'],
      ['CrossRef', {idref: 'X_week-1.02-second_the-method'}, 'as Jupyter writes it'],
    ])
    expect(textOf(paragraph)).toContain(', home and the unit, ')
    expect(withRule(result.diagnostics, 'ouxml-xref-unresolved')).toMatchObject([
      {
        severity: 'warning',
        line: 4,
        column: 1,
        message: 'The link to week-1/02-second.ipynb names no heading of week-1/02-second.ipynb in the OU-XML export; it points to the page instead',
      },
    ])
    expect(first(week2, 'olink')!.attributes).toEqual({targetdoc: 'X_OUX1_week-1', targetptr: 'X_week-1.01-first'})
  })

  it('with itemPer: course, writes one document holding every unit, and links between units are CrossRefs', async () => {
    const course = await exportCourse(writeCourse(files), {ouxml: {itemPer: 'course'}})
    expect(readdirSync(course.outPath).sort()).toEqual(['oux1.xml', 'oux1.zip', 'week-1'])
    const doc = read(course, 'oux1.xml')
    expect(doc.attributes!.id).toBe('X_OUX1')
    expect(textOf(first(doc, 'ItemTitle'))).toBe('Export course')
    expect(names(doc)).toEqual(['CourseCode', 'CourseTitle', 'ItemID', 'ItemTitle', 'Unit', 'Unit'])
    expect(all(doc, 'olink')).toEqual([])
    expect(all(doc, 'CrossRef').map((e) => e.attributes!.idref)).toContain('X_week-2.01-next_deep-dive')
  })
})

describe('export runs', () => {
  it('names media by their source paths and content, so a second build writes the same files, byte for byte', async () => {
    const root = writeCourse(files)
    const one = await exportCourse(root, {}, {outDir: mkdtempSync(join(tmpdir(), 'cb-ouxml-a-'))})
    const two = await exportCourse(root, {}, {outDir: mkdtempSync(join(tmpdir(), 'cb-ouxml-b-'))})
    const listing = (r: BuildResult) => r.ouxml!.entries.map((e) => e.outPath).sort()
    expect(listing(two)).toEqual(listing(one))
    for (const name of ['week-1.zip', 'week-1.xml']) expect(readFileSync(join(two.outPath, name)).equals(readFileSync(join(one.outPath, name)))).toBe(true)
  })

  it('exports only the units asked for, and still links to the others', async () => {
    const result = await exportCourse(writeCourse(files), {}, {ouxml: {units: ['week-2']}})
    expect(result.ouxml!.documents.map((d) => d.name)).toEqual(['week-2'])
    expect(first(read(result, 'week-2.xml'), 'olink')!.attributes).toEqual({targetdoc: 'X_OUX1_week-1', targetptr: 'X_week-1.01-first'})
    await expect(exportCourse(writeCourse(files), {}, {ouxml: {units: ['week-9']}})).rejects.toThrow('No unit "week-9"; the units are week-1, week-2')
  })

  it('a full build writes the export into ouxml/ beside the website; ouxml.enabled: false leaves it out', async () => {
    const root = writeCourse(files)
    const withExport = await build({config: configFromObject(baseConfig, root), cache: false})
    expect(existsSync(join(withExport.outPath, 'week-1/01-first.html'))).toBe(true)
    expect(existsSync(join(withExport.outPath, 'ouxml/week-1.xml'))).toBe(true)
    expect(existsSync(join(withExport.outPath, 'ouxml/week-1/images/circle.svg'))).toBe(true)
    const without = await build({config: configFromObject({...baseConfig, ouxml: {enabled: false}}, root), cache: false})
    expect(existsSync(join(without.outPath, 'ouxml'))).toBe(false)
    expect(without.pages.every((p) => p.ouxml === undefined)).toBe(true)
  })
})

function collectIds(element: Element): string[] {
  const ids: string[] = []
  const walk = (e: Element) => {
    if (typeof e.attributes?.id === 'string') ids.push(e.attributes.id)
    for (const child of kids(e)) walk(child)
  }
  walk(element)
  return ids
}
