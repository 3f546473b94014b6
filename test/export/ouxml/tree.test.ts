import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import type {Root} from 'mdast'
import type {PageData, PageSource, Unit} from '../../../src/pipeline/types.js'
import {treeToOuxml} from '../../../src/export/ouxml/to-xml.js'
import {previewSession} from '../../../src/export/ouxml/fragment.js'
import {first, kids, names, parseXml, textOf} from './helpers.js'

const unit: Unit = {dir: 'u', slug: 'u', title: 'U', learningOutcomes: [], meta: {}, pages: []}
const source: PageSource = {path: '/course/content/u/p.md', relPath: 'u/p.md', kind: 'markdown', outPath: 'u/p.html', unit, order: 0}
const options = {htmlOutputs: 'package', headings: 'sections', imagePathPrefix: 'img/', mediaPathPrefix: 'media/', numberSections: false} as const

function convert(tree: Root, assets: PageData['assets'] = []) {
  const file = new VFile({path: source.path})
  file.data.coursebook = {source, frontmatter: {}, assets, dependencies: []} as PageData
  const before = JSON.stringify(tree)
  const page = treeToOuxml(tree, file, options)
  expect(JSON.stringify(tree)).toBe(before)
  return {page, file, session: parseXml(previewSession(page))}
}

describe('OU-XML handlers on trees the other stages make', () => {
  it('a rendered TikZ diagram → Figure with its SVG file, caption and alt text; one that failed → its source as a listing', () => {
    const tree = {
      type: 'root',
      children: [
        {type: 'tikzFigure', svg: '<svg/>', alt: 'A spring', caption: 'Figure 1 A spring', source: '\\draw (0,0) -- (1,0);', file: 'u/p_files/0a1b2c3d4e5f.svg', url: 'p_files/0a1b2c3d4e5f.svg'},
        {type: 'tikzFigure', svg: '', source: '\\draw (0,0) -- (1,0);\n\\bad', error: 'Undefined control sequence'},
      ],
    } as unknown as Root
    const {page, session} = convert(tree, [{outPath: 'u/p_files/0a1b2c3d4e5f.svg', data: '<svg/>'}])
    expect(names(session)).toEqual(['Figure', 'ProgramListing'])
    const figure = kids(session)[0]!
    expect(names(figure)).toEqual(['Image', 'Caption', 'Description'])
    expect(first(figure, 'Image')!.attributes).toEqual({src: 'img/u/p_files/0a1b2c3d4e5f.svg'})
    expect([textOf(first(figure, 'Caption')), textOf(first(figure, 'Description'))]).toEqual(['Figure 1 A spring', 'A spring'])
    expect(page.media).toEqual(['u/p_files/0a1b2c3d4e5f.svg'])
    expect(kids(kids(session)[1]).map(textOf)).toEqual(['\\draw (0,0) -- (1,0);', '\\bad'])
  })

  it('a node type with no handler is a diagnostic, and its text is kept', () => {
    const tree = {type: 'root', children: [{type: 'mystery', position: {start: {line: 4, column: 2}, end: {line: 4, column: 9}}, children: [{type: 'text', value: 'kept'}]}]} as unknown as Root
    const {session, file} = convert(tree)
    expect(names(session)).toEqual(['Paragraph'])
    expect(textOf(session)).toBe('kept')
    expect(file.messages.map((m) => [m.ruleId, m.line, m.column, m.reason])).toEqual([['ouxml-unmapped', 4, 2, 'A `mystery` node has no OU-XML mapping; its text is kept']])
  })

  it('drops characters XML 1.0 forbids or discourages, with a warning naming the cell and line', () => {
    const text = {type: 'text', value: 'bell\u0007 and \u000b\u007f tab\tok', position: {start: {line: 2, column: 3}, end: {line: 2, column: 9}}, data: {cell: 4}}
    const tree = {type: 'root', children: [{type: 'paragraph', children: [text]}]} as unknown as Root
    const {session, file} = convert(tree)
    expect(textOf(session)).toBe('bell and  tab\tok')
    expect(file.messages.map((m) => [m.ruleId, m.cell, m.line, m.column, m.reason])).toEqual([
      ['ouxml-invalid-char', 4, 2, 3, 'Dropped 3 characters that XML 1.0 forbids or discourages (U+0007, U+000B, U+007F)'],
    ])
  })

  it('links to site files go into the package, with the media prefix', () => {
    const tree = {type: 'root', children: [{type: 'paragraph', children: [{type: 'link', url: 'data/tea.csv', children: [{type: 'text', value: 'the data'}]}]}]} as unknown as Root
    const {page, session} = convert(tree, [{outPath: 'u/data/tea.csv', copyFrom: '/course/content/u/data/tea.csv'}])
    expect(first(session, 'a')!.attributes).toEqual({href: 'media/u/data/tea.csv'})
    expect(page.media).toEqual(['u/data/tea.csv'])
  })
})
