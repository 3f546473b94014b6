import {select, selectAll} from 'hast-util-select'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import type {NotebookCodeCell} from '../../src/pipeline/types.js'
import {classesOf, codeCell, markdownCell, rawCell, render, rich, stream, textOf} from './notebook-html.js'

const SHOWN: NonNullable<NotebookCodeCell['display']> = {cell: 'show', input: 'show', output: 'show'}

describe('code cells', () => {
  it('renders prompt, escaped code and outputs', () => {
    const tree = render([codeCell({source: 'x = "<b>"\nx', children: [stream('hi\n')]})])
    const cell = select('div.cell.cell-code', tree)
    expect(cell?.properties).toMatchObject({id: 'cell-3', dataLanguage: 'python'})
    const prompt = select('div.cell-input > div.prompt', cell)
    expect(textOf(prompt)).toBe('[3]:')
    expect(prompt?.properties.ariaHidden).toBe('true')
    expect(textOf(select('div.cell-input > pre > code.language-python', cell))).toBe('x = "<b>"\nx')
    expect(select('b', cell)).toBeUndefined()
    expect(selectAll('div.cell-outputs > div.output', cell)).toHaveLength(1)
  })

  it('uses the highlighted HTML when there is one', () => {
    const highlighted = '<pre class="shiki"><code><span class="line">print(1)</span></code></pre>'
    const tree = render([codeCell({highlighted})])
    expect(textOf(select('div.cell-input > pre.shiki span.line', tree))).toBe('print(1)')
    expect(select('code.language-python', tree)).toBeUndefined()
  })

  it('shows an empty prompt for an unexecuted cell and leaves out the outputs div', () => {
    const tree = render([codeCell({executionCount: null})])
    expect(textOf(select('.prompt', tree))).toBe('[ ]:')
    expect(select('.cell-outputs', tree)).toBeUndefined()
  })

  it('leaves out a removed input and wraps a hidden one in "Show code"', () => {
    const removed = render([codeCell({display: {...SHOWN, input: 'remove'}, children: [stream('x')]})])
    expect(select('.cell-input', removed)).toBeUndefined()
    expect(select('.cell-outputs', removed)).toBeDefined()

    const hidden = render([codeCell({display: {...SHOWN, input: 'hide'}})])
    const details = select('div.cell-code > details.cell-hidden', hidden)
    expect(textOf(select('summary', details))).toBe('Show code')
    expect(select('div.cell-code > details.cell-hidden > div.cell-input > pre > code', hidden)).toBeDefined()
  })

  it('leaves out removed outputs and wraps hidden ones in "Show output"', () => {
    const removed = render([codeCell({display: {...SHOWN, output: 'remove'}, children: [stream('x')]})])
    expect(select('.cell-outputs', removed)).toBeUndefined()
    expect(select('.output', removed)).toBeUndefined()

    const hidden = render([codeCell({display: {...SHOWN, output: 'hide'}, children: [stream('x')]})])
    const details = select('div.cell-code > details.cell-hidden', hidden)
    expect(textOf(select('summary', details))).toBe('Show output')
    expect(select('details.cell-hidden > div.cell-outputs > div.output-stream', hidden)).toBeDefined()
    expect(select('div.cell-code > div.cell-input', hidden)).toBeDefined()
  })

  it('wraps a hidden cell in "Show cell"', () => {
    const tree = render([codeCell({display: {...SHOWN, cell: 'hide'}})])
    const details = select('details.cell-hidden', tree)
    expect(textOf(select('summary', details))).toBe('Show cell')
    expect(select('details.cell-hidden > div.cell.cell-code#cell-3 > div.cell-input', tree)).toBeDefined()
  })

  it('drops data-language and the language class when the language is unknown', () => {
    const tree = render([codeCell({language: ''})])
    expect(select('div.cell-code', tree)?.properties.dataLanguage).toBeUndefined()
    expect(classesOf(select('pre > code', tree))).toEqual([])
  })
})

describe('Markdown cells', () => {
  it('renders the cell with its Markdown', () => {
    const tree = render([markdownCell({index: 4})])
    expect(textOf(select('div.cell.cell-markdown#cell-5 > p', tree))).toBe('Some prose.')
  })

  it.each([
    ['hide-cell', {cell: 'hide', input: 'show', output: 'show'}],
    ['hide-input', {cell: 'show', input: 'hide', output: 'show'}],
  ] as const)('collapses a cell marked %s behind "Show content"', (_, display) => {
    const tree = render([markdownCell({display})])
    expect(textOf(select('details.cell-hidden > summary', tree))).toBe('Show content')
    expect(textOf(select('details.cell-hidden > div.cell-markdown > p', tree))).toBe('Some prose.')
  })
})

describe('raw cells', () => {
  it('passes text/html through', () => {
    const tree = render([rawCell({format: 'text/html', value: '<aside class="note">Hi</aside>'})])
    expect(textOf(select('div.cell.cell-raw#cell-2 > aside.note', tree))).toBe('Hi')
  })

  it('shows a raw cell without a format as preformatted text', () => {
    const tree = render([rawCell({format: '', value: 'a <b> c'})])
    expect(textOf(select('div.cell-raw > pre.raw-cell', tree))).toBe('a <b> c')
    expect(select('b', tree)).toBeUndefined()
  })

  it.each(['text/latex', 'text/restructuredtext', 'text/x-python'])('leaves out format %s and says so', (format) => {
    const file = new VFile()
    const tree = render([rawCell({format, value: '\\section{x}'})], file)
    expect(tree.children).toHaveLength(0)
    expect(file.messages.map((message) => message.ruleId)).toEqual(['raw-cell-skipped'])
  })
})

describe('odd input', () => {
  const broken = [
    {type: 'notebookCodeCell'},
    {type: 'notebookCodeCell', index: 'x', source: 5, language: null, executionCount: 'one', children: null, display: {}},
    {type: 'notebookCodeCell', children: [{type: 'notebookOutput'}, {type: 'notebookOutput', outputType: 'stream'}]},
    {type: 'notebookMarkdownCell'},
    {type: 'notebookMarkdownCell', children: {}, index: -1, display: null},
    {type: 'notebookRawCell'},
    {type: 'notebookRawCell', format: 7, value: {}},
    {type: 'notebookOutput', outputType: 'error'},
    {type: 'notebookOutput', outputType: 'error', ename: 3, evalue: null, value: []},
    {type: 'notebookOutput', outputType: 'stream', name: 'other', value: 12},
    {type: 'notebookOutput', outputType: 'display_data'},
    {type: 'notebookOutput', outputType: 'execute_result', mime: 'image/png', metadata: null, executionCount: 'x'},
    {type: 'notebookOutput', outputType: 'display_data', mime: 'image/png', url: 5, metadata: [1]},
    {type: 'notebookOutput', outputType: 'display_data', mime: 'application/json', value: {a: 1}},
    {type: 'notebookOutput', outputType: 'display_data', mime: 'text/markdown', children: {}},
    {type: 'notebookOutput', outputType: 'display_data', mime: 'TEXT/HTML; charset=utf-8', value: '<i>x</i>'},
  ]

  it.each(broken.map((node) => [JSON.stringify(node), node]))('does not throw for %s', (_, node) => {
    expect(() => render([node as never])).not.toThrow()
  })

  it('still renders what it can from a cell with missing fields', () => {
    const tree = render([{type: 'notebookCodeCell'} as never])
    expect(select('div.cell.cell-code', tree)?.properties.id).toBeUndefined()
    expect(textOf(select('.prompt', tree))).toBe('[ ]:')
  })

  it('treats a MIME type case-insensitively and ignores parameters', () => {
    const tree = render([codeCell({children: [rich('TEXT/HTML; charset=utf-8', '<i>x</i>')]})])
    expect(textOf(select('div.output-html > i', tree))).toBe('x')
  })
})
