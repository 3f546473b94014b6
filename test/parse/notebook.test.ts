import type {Paragraph} from 'mdast'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import type {NotebookCodeCell, NotebookMarkdownCell, NotebookOutput, NotebookRawCell} from '../../src/pipeline/types.js'
import {parseNotebook} from '../../src/parse/notebook/index.js'
import {upgradeV3} from '../../src/parse/notebook/upgrade-v3.js'
import {
  codeCell,
  hasSharedFixtures,
  markdownCell,
  messagesOf,
  notebook,
  reasons,
  run,
  runFixture,
  tinyPng,
  treeOf,
} from './notebook-helpers.js'

describe('parseNotebook: reading the file', () => {
  it('reports malformed JSON as a fatal error placed at the line and column', () => {
    const file = run('{\n  "cells": [],\n}\n')
    expect(file.data.coursebook?.tree).toBeUndefined()
    expect(file.messages).toHaveLength(1)
    const [message] = file.messages
    expect(message?.ruleId).toBe('notebook-json-invalid')
    expect(message?.fatal).toBe(true)
    expect(message?.reason).toMatch(/^The notebook is not valid JSON: /)
    expect(message?.reason).not.toMatch(/position/)
    expect([message?.line, message?.column]).toEqual([3, 1])
  })

  it('places a truncated file at its end', () => {
    const file = run('{\n "cells": [\n')
    expect(file.messages[0]?.ruleId).toBe('notebook-json-invalid')
    expect(file.messages[0]?.line).toBe(3)
  })

  it('reports an empty file', () => {
    for (const text of ['', '  \n\t\n']) {
      const file = run(text)
      expect(messagesOf(file)).toEqual([
        {ruleId: 'notebook-json-invalid', cell: undefined, reason: 'The notebook file is empty: expected nbformat JSON'},
      ])
      expect(file.data.coursebook?.tree).toBeUndefined()
    }
  })

  it('reports binary data', () => {
    const file = run(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0xff, 0xfe]))
    expect(file.messages[0]?.ruleId).toBe('notebook-json-invalid')
    expect(file.messages[0]?.reason).toMatch(/binary data/)
  })

  it('accepts a byte-order mark', () => {
    const file = run(`\uFEFF${JSON.stringify(notebook([markdownCell('hi')]))}`)
    expect(file.messages).toEqual([])
    expect(treeOf(file).children).toHaveLength(1)
  })

  it('rejects JSON that is not an object', () => {
    const file = run('[1, 2]')
    expect(messagesOf(file)).toEqual([
      {ruleId: 'notebook-format-unsupported', cell: undefined, reason: 'The file is JSON but not a notebook: its top level is an array, not an object'},
    ])
  })

  it.each([
    [{nbformat: 5, nbformat_minor: 0, cells: [], metadata: {}}, 'nbformat 5 is not supported: coursebook reads nbformat 4 and upgrades nbformat 3'],
    [{nbformat: 1, cells: []}, 'nbformat 1 is not supported: coursebook reads nbformat 4 and upgrades nbformat 3'],
    [{nbformat: '4', nbformat_minor: 5, cells: [], metadata: {}}, 'nbformat "4" is not supported: coursebook reads nbformat 4 and upgrades nbformat 3'],
    [{cells: [], metadata: {}}, 'The notebook has no "nbformat" version, so it is not a Jupyter notebook coursebook can read'],
  ])('rejects an unsupported version %#', (input, reason) => {
    const file = run(input)
    expect(messagesOf(file)).toEqual([{ruleId: 'notebook-format-unsupported', cell: undefined, reason}])
    expect(file.messages[0]?.fatal).toBe(true)
    expect(file.data.coursebook?.tree).toBeUndefined()
  })

  it('never throws, even when parseMarkdown does', () => {
    const file = run(notebook([markdownCell('x')]), {
      parseMarkdown() {
        throw new Error('boom')
      },
    })
    expect(messagesOf(file)).toEqual([{ruleId: 'render-failed', cell: undefined, reason: 'The notebook could not be parsed: boom'}])
    expect(file.data.coursebook?.tree).toBeUndefined()
  })

  it('reports a call without page data instead of throwing', () => {
    const file = new VFile({value: '{}'})
    parseNotebook(file, {parseMarkdown: () => []})
    expect(messagesOf(file)).toEqual([
      {ruleId: 'render-failed', cell: undefined, reason: 'The notebook parser was called before the page data was set up'},
    ])
  })

  it('renders what it can of a notebook with fields of the wrong type', () => {
    const input = {
      nbformat: 4,
      nbformat_minor: 4,
      metadata: {language_info: 7, kernelspec: 'python'},
      cells: [
        null,
        5,
        {cell_type: 'code', source: 42, outputs: 'none', metadata: [], execution_count: 'one'},
        {cell_type: 'markdown', source: ['a', 3, 'b'], metadata: {tags: 'x'}},
        {cell_type: 'code', source: ['print(1)'], outputs: [null, {output_type: 'stream', text: 5}, {output_type: 'execute_result', data: 'x'}]},
        {cell_type: 'raw', metadata: {format: 9}},
      ],
    }
    const file = run(input)
    const tree = treeOf(file)
    expect(tree.children.map(node => node.type)).toEqual(['notebookCodeCell', 'notebookMarkdownCell', 'notebookCodeCell', 'notebookRawCell'])
    const [first, second, third, raw] = tree.children as [NotebookCodeCell, NotebookMarkdownCell, NotebookCodeCell, NotebookRawCell]
    expect(first).toMatchObject({index: 2, source: '', executionCount: null, tags: [], children: []})
    expect(second).toMatchObject({index: 3, tags: []})
    expect(third.children).toEqual([{type: 'notebookOutput', outputType: 'stream', name: 'stdout', value: '', data: {cell: 4}}])
    expect(raw).toMatchObject({index: 5, format: '', value: ''})
    expect(reasons(file, 'notebook-schema-invalid').length).toBeGreaterThan(0)
  })
})

describe.skipIf(!hasSharedFixtures)('parseNotebook: nbformat 3', () => {
  it('upgrades test3.ipynb in memory, with an info', () => {
    const file = runFixture('edge/nbformat/test3.ipynb')
    expect(file.messages.filter(m => m.ruleId !== 'output-mime-unknown').map(m => [m.ruleId, m.fatal, m.reason])).toEqual([
      ['notebook-upgraded', undefined, 'This nbformat 3 notebook was upgraded to nbformat 4 in memory'],
    ])
    const tree = treeOf(file)
    const heading = (tree.children[0] as NotebookMarkdownCell).children[0] as Paragraph
    expect(heading.children[0]).toMatchObject({type: 'text', value: '# nbconvert latex test'})
    const code = tree.children.filter((node): node is NotebookCodeCell => node.type === 'notebookCodeCell')
    expect(code.map(cell => [cell.executionCount, cell.language, (cell.children as NotebookOutput[]).map(o => [o.outputType, o.outputType === 'stream' ? o.name : 'mime' in o ? o.mime : ''])])).toEqual([
      [1, 'python', [['stream', 'stdout']]],
      [3, 'python', [['execute_result', 'text/html']]],
      [7, 'javascript', [['display_data', 'text/plain']]],
      [6, 'python', [['execute_result', 'image/png']]],
    ])
    const saved = file.data.coursebook?.notebook as Record<string, unknown>
    expect(saved).toMatchObject({nbformat: 4, nbformat_minor: 4, metadata: {orig_nbformat: 3, language_info: {name: 'python'}}})
    expect(saved).not.toHaveProperty('worksheets')
  })

  it.each(['test3_no_metadata.ipynb', 'test3_no_min_version.ipynb', 'test3_no_worksheets.ipynb', 'test3_worksheet_with_no_cells.ipynb'])(
    'upgrades %s without schema problems',
    name => {
      const file = runFixture(`edge/nbformat/${name}`)
      expect(reasons(file, 'notebook-upgraded')).toHaveLength(1)
      expect(reasons(file, 'notebook-schema-invalid')).toEqual([])
      expect(file.data.coursebook?.tree).toBeDefined()
    },
  )

  it('refuses nbformat 2 (test2.ipynb)', () => {
    const file = runFixture('edge/nbformat/test2.ipynb')
    expect(messagesOf(file)).toEqual([
      {ruleId: 'notebook-format-unsupported', cell: undefined, reason: 'nbformat 2 is not supported: coursebook reads nbformat 4 and upgrades nbformat 3'},
    ])
  })
})

describe('upgradeV3', () => {
  const v3 = {
    nbformat: 3,
    nbformat_minor: 0,
    metadata: {name: 'old', signature: 'sha256:x', language: 'julia'},
    worksheets: [
      {cells: [{cell_type: 'heading', level: 3, metadata: {}, source: ['Two', '\n', 'lines']}]},
      {
        cells: [
          {
            cell_type: 'code',
            collapsed: true,
            input: ['x = 1'],
            language: 'julia',
            prompt_number: 4,
            metadata: {},
            outputs: [
              {output_type: 'stream', stream: 'stderr', text: ['warn\n']},
              {output_type: 'pyout', prompt_number: 4, text: ['1'], latex: ['$1$'], png: tinyPng, json: '{"a": 1}', metadata: {png: {width: 10}}},
              {output_type: 'display_data', svg: '<svg/>', metadata: {}},
              {output_type: 'pyerr', ename: 'E', evalue: 'v', traceback: ['tb']},
            ],
          },
        ],
      },
    ],
  }

  it('flattens worksheets and converts cells and outputs', () => {
    expect(upgradeV3(v3)).toEqual({
      nbformat: 4,
      nbformat_minor: 4,
      metadata: {orig_nbformat: 3, language_info: {name: 'julia'}},
      cells: [
        {cell_type: 'markdown', metadata: {}, source: '### Two lines'},
        {
          cell_type: 'code',
          metadata: {collapsed: true},
          source: ['x = 1'],
          execution_count: 4,
          outputs: [
            {output_type: 'stream', name: 'stderr', text: ['warn\n']},
            {
              output_type: 'execute_result',
              execution_count: 4,
              data: {'text/plain': ['1'], 'text/latex': ['$1$'], 'image/png': tinyPng, 'application/json': {a: 1}},
              metadata: {'image/png': {width: 10}},
            },
            {output_type: 'display_data', data: {'image/svg+xml': '<svg/>'}, metadata: {}},
            {output_type: 'error', ename: 'E', evalue: 'v', traceback: ['tb']},
          ],
        },
      ],
    })
  })

  it('gives the notebook its language and passes the schema', () => {
    const file = run(v3)
    expect(file.data.coursebook?.language).toBe('julia')
    expect(reasons(file, 'notebook-schema-invalid')).toEqual([])
    expect(reasons(file, 'notebook-upgraded')).toHaveLength(1)
  })

  it('does not modify its input', () => {
    const copy = structuredClone(v3)
    upgradeV3(copy)
    expect(copy).toEqual(v3)
  })
})

describe('parseNotebook: file data', () => {
  it('keeps the notebook object, its language and the front matter', () => {
    const input = notebook([codeCell('x')], {kernelspec: {name: 'python3', display_name: 'Python 3', language: 'python'}, coursebook: {level: 2}})
    const file = run(input)
    expect(file.messages).toEqual([])
    expect(file.data.coursebook?.notebook).toEqual(input)
    expect(file.data.coursebook?.language).toBe('python')
    expect(file.data.coursebook?.frontmatter).toEqual({level: 2})
    expect(file.data.coursebook?.assets).toEqual([])
  })
})
