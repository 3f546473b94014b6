import type {Heading, Paragraph} from 'mdast'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import type {CellData, NotebookCodeCell, NotebookMarkdownCell, NotebookRawCell} from '../../src/pipeline/types.js'
import {
  codeCell,
  markdownCell,
  messagesOf,
  notebook,
  rawCell,
  run,
  treeOf,
} from './notebook-helpers.js'

describe('parseNotebook: cells', () => {
  it('builds one node per cell with index, tags and hidden flags', () => {
    const file = run(
      notebook([
        markdownCell('# Title', {metadata: {tags: ['intro', 3, 'x'], jupyter: {source_hidden: true}}}),
        codeCell('print(1)', [], {execution_count: 3, metadata: {tags: ['hide-input'], jupyter: {outputs_hidden: true}}}),
        codeCell('x', [], {metadata: {hide_input: true}}),
        rawCell('\\section{A}', {raw_mimetype: 'text/LaTeX'}),
        rawCell('.. note::', {format: 'text/x-rst'}),
        rawCell('plain'),
        {cell_type: 'future', metadata: {}, source: 'skipped'},
      ]),
    )
    const tree = treeOf(file)
    expect(tree.children.map(node => node.type)).toEqual([
      'notebookMarkdownCell',
      'notebookCodeCell',
      'notebookCodeCell',
      'notebookRawCell',
      'notebookRawCell',
      'notebookRawCell',
    ])
    const [md, code, legacy, latex, rst, plain] = tree.children as [
      NotebookMarkdownCell,
      NotebookCodeCell,
      NotebookCodeCell,
      NotebookRawCell,
      NotebookRawCell,
      NotebookRawCell,
    ]
    expect(md).toMatchObject({index: 0, tags: ['intro', 'x'], hidden: {input: true}})
    expect(code).toMatchObject({index: 1, source: 'print(1)', executionCount: 3, tags: ['hide-input'], hidden: {input: false, output: true}})
    expect(legacy.hidden).toEqual({input: true, output: false})
    expect([latex.format, latex.value, rst.format, plain.format]).toEqual(['text/latex', '\\section{A}', 'text/x-rst', ''])
  })

  it('joins multiline sources and passes Markdown cells to parseMarkdown', () => {
    const seen: string[] = []
    const file = run(notebook([markdownCell(['line 1\n', 'line 2'])]), {
      parseMarkdown(source) {
        seen.push(source)
        return [{type: 'heading', depth: 2, children: [{type: 'text', value: source}]}]
      },
    })
    expect(seen).toEqual(['line 1\nline 2'])
    const cell = treeOf(file).children[0] as NotebookMarkdownCell
    expect((cell.children[0] as Heading).depth).toBe(2)
  })

  it('sets data.cell on every node of every cell, nested outputs included', () => {
    const file = run(
      notebook([
        markdownCell('a'),
        codeCell('b', [
          {output_type: 'display_data', data: {'text/markdown': 'c'}, metadata: {}},
          {output_type: 'stream', name: 'stdout', text: 'd'},
        ]),
      ]),
      {parseMarkdown: source => [{type: 'blockquote', children: [{type: 'paragraph', children: [{type: 'emphasis', children: [{type: 'text', value: source}]}]}]}]},
    )
    const tree = treeOf(file)
    const cells: Array<[string, number | undefined]> = []
    visit(tree, node => {
      if (node.type !== 'root') cells.push([node.type, (node.data as CellData | undefined)?.cell])
    })
    expect(cells).toEqual([
      ['notebookMarkdownCell', 0],
      ['blockquote', 0],
      ['paragraph', 0],
      ['emphasis', 0],
      ['text', 0],
      ['notebookCodeCell', 1],
      ['notebookOutput', 1],
      ['blockquote', 1],
      ['paragraph', 1],
      ['emphasis', 1],
      ['text', 1],
      ['notebookOutput', 1],
    ])
  })
})

describe('parseNotebook: language', () => {
  it.each([
    [{language_info: {name: 'R'}, kernelspec: {name: 'ir', display_name: 'R', language: 'R'}}, 'r'],
    [{kernelspec: {name: 'julia-1.9', display_name: 'Julia', language: 'julia'}}, 'julia'],
    [{language_info: {name: 'python', version: '3.11'}, kernelspec: {name: 'x', display_name: 'X', language: 'bash'}}, 'python'],
    [{}, 'python'],
  ])('takes the notebook language from %j', (metadata, language) => {
    const file = run(notebook([codeCell('1 + 1')], metadata))
    expect(file.data.coursebook?.language).toBe(language)
    expect((treeOf(file).children[0] as NotebookCodeCell).language).toBe(language)
  })

  it.each([
    ['%%bash\nls', 'bash'],
    ['%%sh\nls', 'bash'],
    ['%%script bash\nls', 'bash'],
    ['%%script /bin/sh --no-raise-error\nls', 'bash'],
    ['%%html\n<b>x</b>', 'html'],
    ['%%HTML\n<b>x</b>', 'html'],
    ['%%javascript\nalert(1)', 'javascript'],
    ['%%js\nalert(1)', 'javascript'],
    ['%%latex\n$x$', 'latex'],
    ['%%sql\nselect 1', 'sql'],
    ['%%R\nx <- 1', 'r'],
    ['%%markdown\n# x', 'markdown'],
    ['%%timeit\nx = 1', 'julia'],
    ['%%script unknown-shell\nx', 'julia'],
    ['x = 1\n%%bash', 'julia'],
    ['%matplotlib inline', 'julia'],
  ])('cell %j is highlighted as %s', (source, language) => {
    const file = run(notebook([codeCell(source)], {language_info: {name: 'julia'}}))
    const cell = treeOf(file).children[0] as NotebookCodeCell
    expect(cell.language).toBe(language)
    expect(cell.source).toBe(source)
    expect(file.data.coursebook?.language).toBe('julia')
  })
})

describe('parseNotebook: front matter', () => {
  it('moves a YAML block from the first Markdown cell into frontmatter, merged over metadata.coursebook', () => {
    const seen: string[] = []
    const file = run(
      notebook(
        [
          codeCell('import x'),
          markdownCell(['---\n', 'title: Week 1\n', 'tags: [a, b]\n', '---\n', '# Intro\n']),
          markdownCell('---\nnot: front matter\n---\n'),
        ],
        {coursebook: {title: 'From metadata', study_time: 30}},
      ),
      {parseMarkdown: source => (seen.push(source), [])},
    )
    expect(file.messages).toEqual([])
    expect(file.data.coursebook?.frontmatter).toEqual({title: 'Week 1', tags: ['a', 'b'], study_time: 30})
    expect(seen).toEqual(['# Intro\n', '---\nnot: front matter\n---\n'])
    expect(treeOf(file).children.map(node => (node as NotebookMarkdownCell).index)).toEqual([0, 1, 2])
  })

  it('drops a first cell that holds only front matter, keeping the other indices', () => {
    const file = run(notebook([markdownCell('---\ntitle: T\n...\n'), markdownCell('text')]))
    expect(file.data.coursebook?.frontmatter).toEqual({title: 'T'})
    const tree = treeOf(file)
    expect(tree.children).toHaveLength(1)
    expect((tree.children[0] as NotebookMarkdownCell).index).toBe(1)
    expect((tree.children[0]?.data as CellData).cell).toBe(1)
  })

  it('warns about invalid YAML, naming the cell and the line, and still removes the block', () => {
    const file = run(notebook([codeCell('x'), markdownCell('---\ntitle: ok\nbad: [unclosed\n---\nBody')]))
    const [message] = file.messages
    expect(message?.ruleId).toBe('frontmatter-invalid')
    expect(message?.fatal).toBe(false)
    expect(message?.cell).toBe(1)
    expect(message?.reason).toBe('Front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]')
    expect([message?.line, message?.column]).toEqual([3, 15])
    expect(file.data.coursebook?.frontmatter).toEqual({})
    expect(((treeOf(file).children[1] as NotebookMarkdownCell).children[0] as Paragraph).children[0]).toMatchObject({value: 'Body'})
  })

  it.each(['---\nSome prose between rules\n---\nmore', '---\n## A boxed heading\n---\n', '---\n- a list\n- between rules\n---\n', '---\nnot: [valid\n'])(
    'leaves a first cell that only looks like front matter alone: %j',
    source => {
      const seen: string[] = []
      const file = run(notebook([markdownCell(source)]), {parseMarkdown: text => (seen.push(text), [])})
      expect(file.messages).toEqual([])
      expect(file.data.coursebook?.frontmatter).toEqual({})
      expect(seen).toEqual([source])
    },
  )

  it('warns about a metadata.coursebook that is not an object', () => {
    const file = run(notebook([markdownCell('text')], {coursebook: 'yes'}))
    expect(messagesOf(file)).toEqual([
      {ruleId: 'frontmatter-invalid', cell: undefined, reason: 'The notebook metadata "coursebook" must be an object of page settings; it was ignored'},
    ])
  })
})
