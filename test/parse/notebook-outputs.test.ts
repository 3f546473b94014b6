import type {RootContent} from 'mdast'
import {describe, expect, it} from 'vitest'
import type {NotebookCodeCell, NotebookOutput, RichOutput} from '../../src/pipeline/types.js'
import {applyCarriageReturns} from '../../src/parse/notebook/outputs.js'
import {codeCell, markdownCell, messagesOf, notebook, run, tinyPng, type RunOptions} from './notebook-helpers.js'

const png = tinyPng

/** Parse one code cell (placed after a Markdown cell, so it is cell 1) with these outputs. */
function outputs(list: object[], metadata: object = {}, options: RunOptions = {}) {
  const file = run(notebook([markdownCell('intro'), codeCell('x', list, {execution_count: 2})], metadata), options)
  const cell = file.data.coursebook?.tree?.children[1] as NotebookCodeCell
  // data.cell is covered elsewhere; leaving it out keeps the expectations short.
  const nodes = cell.children.map(({data: _data, ...node}) => node as NotebookOutput)
  return {file, nodes}
}

const display = (data: object, metadata: object = {}) => ({output_type: 'display_data', data, metadata})
const stream = (name: string, text: string | string[]) => ({output_type: 'stream', name, text})

describe('stream outputs', () => {
  it('merges consecutive outputs of the same stream only', () => {
    const {nodes} = outputs([
      stream('stdout', 'a\n'),
      stream('stdout', ['b', '\n']),
      stream('stderr', 'warn\n'),
      stream('stdout', 'c\n'),
      display({'text/plain': 'd'}),
      stream('stdout', 'e\n'),
    ])
    expect(nodes.map(node => [node.outputType, 'name' in node ? node.name : '', node.value])).toEqual([
      ['stream', 'stdout', 'a\nb\n'],
      ['stream', 'stderr', 'warn\n'],
      ['stream', 'stdout', 'c\n'],
      ['display_data', '', 'd'],
      ['stream', 'stdout', 'e\n'],
    ])
  })

  it('applies carriage returns across merged outputs', () => {
    const {nodes} = outputs([stream('stdout', 'load 10%\r'), stream('stdout', 'load 50%\rload 100%\n'), stream('stdout', 'done\r\nnext\n')])
    expect(nodes).toEqual([{type: 'notebookOutput', outputType: 'stream', name: 'stdout', value: 'load 100%\ndone\nnext\n'}])
  })

  it.each([
    ['plain\n', 'plain\n'],
    ['a\rb', 'b'],
    ['one\r\ntwo\r\n', 'one\ntwo\n'],
    ['keep\r', 'keep'],
    ['x\r\ry', 'y'],
    ['\x1b[31mred\x1b[0m\rblue', 'blue'],
    ['first\rsecond\nthird\rfourth\n', 'second\nfourth\n'],
  ])('turns %j into %j', (input, expected) => {
    expect(applyCarriageReturns(input)).toBe(expected)
  })
})

describe('error outputs', () => {
  it('joins the traceback with newlines, keeping ANSI codes', () => {
    const traceback = ['\x1b[0;31m----\x1b[0m', '\x1b[0;31mNameError\x1b[0m: name x is not defined']
    const {nodes} = outputs([{output_type: 'error', ename: 'NameError', evalue: 'name x is not defined', traceback}])
    expect(nodes).toEqual([
      {type: 'notebookOutput', outputType: 'error', ename: 'NameError', evalue: 'name x is not defined', value: traceback.join('\n')},
    ])
  })

  it('uses "ename: evalue" without a traceback', () => {
    const {nodes} = outputs([{output_type: 'error', ename: 'ValueError', evalue: 'bad', traceback: []}])
    expect(nodes[0]?.value).toBe('ValueError: bad')
  })
})

describe('rich outputs: choosing the MIME type', () => {
  const all: Record<string, unknown> = {
    'text/plain': 'plain',
    'application/json': {a: 1},
    'text/latex': '$x$',
    'text/markdown': '*md*',
    'text/html': '<b>html</b>',
    'image/gif': 'R0lG\nODlh',
    'image/jpeg': '/9j/\n4AAQ',
    'image/png': `${png.slice(0, 20)}\n${png.slice(20)}`,
    'image/svg+xml': ['<svg>', '</svg>'],
    'application/vnd.jupyter.widget-view+json': {model_id: 'm1', version_major: 2},
  }
  const order = Object.keys(all).reverse()

  it.each(order.map((mime, index) => [mime, order.slice(index)]))('prefers %s over the rest', (mime, available) => {
    const bundle = Object.fromEntries(available.map(type => [type, all[type]]))
    const widgets = {'application/vnd.jupyter.widget-state+json': {state: {m1: {}}}}
    const {nodes, file} = outputs([display(bundle)], {widgets})
    expect((nodes[0] as RichOutput).mime).toBe(mime)
    expect(file.messages).toEqual([])
  })

  it.each([
    ['image/png', png],
    ['image/jpeg', '/9j/4AAQ'],
    ['image/gif', 'R0lGODlh'],
    ['image/svg+xml', '<svg></svg>'],
    ['text/html', '<b>html</b>'],
    ['application/json', '{\n  "a": 1\n}'],
    ['text/plain', 'plain'],
  ])('gives %s the value %j', (mime, value) => {
    const {nodes} = outputs([display({[mime]: all[mime]})])
    expect(nodes[0]).toMatchObject({outputType: 'display_data', mime, value})
  })

  it('keeps the execution count of an execute_result and the metadata of the chosen type', () => {
    const output = {
      output_type: 'execute_result',
      execution_count: 7,
      data: {'image/png': png, 'text/plain': '<Figure>'},
      metadata: {'image/png': {width: 400, unconfined: true}, 'text/plain': {ignored: 1}, height: 300, width: 100},
    }
    const {nodes} = outputs([output])
    expect(nodes).toEqual([
      {
        type: 'notebookOutput',
        outputType: 'execute_result',
        executionCount: 7,
        mime: 'image/png',
        value: png,
        metadata: {width: 400, height: 300, unconfined: true},
        children: [],
      },
    ])
  })

  it('leaves out an output with an empty bundle', () => {
    expect(outputs([display({})]).nodes).toEqual([])
  })
})

describe('rich outputs: widgets and unknown types', () => {
  const widget = display({'application/vnd.jupyter.widget-view+json': {model_id: 'abc', version_major: 2}, 'text/plain': 'IntSlider()'})

  it('reports a widget view without saved state', () => {
    const {nodes, file} = outputs([widget])
    expect(nodes[0]).toMatchObject({mime: 'application/vnd.jupyter.widget-view+json', value: 'abc'})
    expect(messagesOf(file)).toEqual([{ruleId: 'output-widget-no-state', cell: 1, reason: 'A widget output (model abc) has no saved widget state'}])
    expect(file.messages[0]?.fatal).toBeUndefined()
  })

  it('is quiet when the notebook saved the widget state', () => {
    const widgets = {'application/vnd.jupyter.widget-state+json': {state: {abc: {model_name: 'IntSliderModel'}}, version_major: 2}}
    expect(outputs([widget], {widgets}).file.messages).toEqual([])
  })

  it('shows a placeholder for a bundle of unrenderable types', () => {
    const {nodes, file} = outputs([display({'application/vnd.bokehjs_load.v0+json': {}, 'application/x-custom': 'x'})])
    expect(nodes[0]).toMatchObject({
      mime: 'text/plain',
      value: '[output of type application/vnd.bokehjs_load.v0+json, application/x-custom, which cannot be shown here]',
      children: [],
    })
    expect(messagesOf(file)).toEqual([
      {
        ruleId: 'output-mime-unknown',
        cell: 1,
        reason: 'An output has only MIME types coursebook cannot render (application/vnd.bokehjs_load.v0+json, application/x-custom); a placeholder is shown',
      },
    ])
  })

  it('reports text/plain chosen over unrenderable types, but not text/plain alone', () => {
    const {nodes, file} = outputs([display({'application/vnd.plotly.v1+json': {data: []}, 'text/plain': 'Figure()'}), display({'text/plain': 'ok'})])
    expect(nodes.map(node => node.value)).toEqual(['Figure()', 'ok'])
    expect(messagesOf(file)).toEqual([
      {ruleId: 'output-mime-unknown', cell: 1, reason: 'An output is shown as text/plain because coursebook cannot render its application/vnd.plotly.v1+json'},
    ])
  })
})

describe('rich outputs: Markdown and LaTeX content', () => {
  const seen: string[] = []
  const options: RunOptions = {
    parseMarkdown(source): RootContent[] {
      seen.push(source)
      return [{type: 'paragraph', children: [{type: 'text', value: `md:${source}`}]}]
    },
  }

  it('parses text/markdown into children', () => {
    seen.length = 0
    const {nodes} = outputs([display({'text/markdown': ['**bold**', ' text']})], {}, options)
    expect(nodes[0]).toMatchObject({mime: 'text/markdown', value: '**bold** text', children: [{type: 'paragraph', children: [{value: 'md:**bold** text'}]}]})
    expect(seen).toEqual(['intro', '**bold** text'])
  })

  it.each([
    ['$$x^2$$', 'x^2'],
    ['  $$\n\\frac{1}{2}\n$$\n', '\\frac{1}{2}'],
    ['\\[a + b\\]', 'a + b'],
    ['$\\displaystyle \\left[ 1, \\  2\\right]$', '\\displaystyle \\left[ 1, \\  2\\right]'],
    ['\\begin{align}a &= b \\\\ c &= d\\end{align}', '\\begin{align}a &= b \\\\ c &= d\\end{align}'],
  ])('makes %j one math node', (latex, math) => {
    const {nodes} = outputs([display({'text/latex': latex, 'text/plain': 'x'})], {}, options)
    expect(nodes[0]).toMatchObject({mime: 'text/latex', value: latex, children: [{type: 'math', value: math}]})
  })

  it.each([
    'The value $x$ and $y$',
    '$a$ = $b$',
    '\\begin{align}a\\end{align} and \\begin{align}b\\end{align}',
  ])('parses %j as Markdown', latex => {
    const {nodes} = outputs([display({'text/latex': latex})], {}, options)
    expect((nodes[0] as RichOutput).children).toMatchObject([{type: 'paragraph', children: [{type: 'text', value: `md:${latex}`}]}])
  })
})
