import {existsSync, readFileSync} from 'node:fs'
import {select, selectAll} from 'hast-util-select'
import {describe, expect, it} from 'vitest'
import type {RootContent} from 'mdast'
import {classesOf, codeCell, error, render, renderOutputs, rich, stream, textOf} from './notebook-html.js'

const TRACEBACK_FIXTURE = '/work/shared/fixtures/edge/nbformat/many_tracebacks.ipynb'

describe('stream outputs', () => {
  it('renders stdout and stderr as <pre> with ANSI spans', () => {
    const tree = renderOutputs(stream('\x1b[32mok\x1b[0m done\n'), stream('warning!\n', 'stderr'))
    const [out, err] = selectAll('.cell-outputs > div.output.output-stream', tree)
    expect(classesOf(select('pre', out))).toEqual(['output-stream', 'output-stdout'])
    expect(textOf(select('pre.output-stdout span.ansi-green-fg', out))).toBe('ok')
    expect(textOf(select('pre', out))).toBe('ok done\n')
    expect(classesOf(select('pre', err))).toEqual(['output-stream', 'output-stderr'])
    expect(textOf(err)).toBe('warning!\n')
  })
})

describe('error outputs', () => {
  it('renders the traceback in a labelled group', () => {
    const tree = renderOutputs(error({value: '\x1b[0;31mValueError\x1b[0m: bad'}))
    const div = select('div.output.output-error', tree)
    expect(div?.properties.role).toBe('group')
    expect(div?.properties.ariaLabel).toBe('Error: ValueError')
    expect(textOf(select('pre.output-error', div))).toBe('ValueError: bad')
    expect(select('pre.output-error span.ansi-red-fg', div)).toBeDefined()
  })

  it('falls back to name and value when the traceback is empty', () => {
    const tree = renderOutputs(error({value: '', ename: 'KeyboardInterrupt', evalue: ''}))
    expect(textOf(select('pre.output-error', tree))).toBe('KeyboardInterrupt')
  })

  it.skipIf(!existsSync(TRACEBACK_FIXTURE))('renders a real IPython traceback without escape codes', () => {
    const notebook = JSON.parse(readFileSync(TRACEBACK_FIXTURE, 'utf8')) as {
      cells: Array<{outputs?: Array<{output_type: string; ename?: string; evalue?: string; traceback?: string[]}>}>
    }
    const saved = notebook.cells.flatMap((cell) => cell.outputs ?? []).find((output) => output.output_type === 'error')
    expect(saved?.traceback?.join('\n')).toContain('\x1b[')
    const tree = renderOutputs(
      error({ename: saved!.ename!, evalue: saved!.evalue!, value: saved!.traceback!.join('\n')}),
    )
    const div = select('div.output-error', tree)
    expect(div?.properties.ariaLabel).toBe('Error: NameError')
    const text = textOf(select('pre.output-error', div))
    expect(text).toContain("NameError: name 'iAmNotDefined' is not defined")
    expect(text).toContain('Traceback (most recent call last)')
    expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/)
    expect(selectAll('pre.output-error span.ansi-red-fg', div).length).toBeGreaterThan(0)
    expect(selectAll('pre.output-error span.ansi-green-fg', div).length).toBeGreaterThan(0)
  })
})

describe('rich outputs', () => {
  it('renders text/plain as <pre class="output-text"> with ANSI spans', () => {
    const tree = renderOutputs(rich('text/plain', '\x1b[1m42\x1b[0m'))
    expect(textOf(select('div.output.output-text > pre.output-text > span.ansi-bold', tree))).toBe('42')
  })

  it('passes text/html through as HTML', () => {
    const tree = renderOutputs(rich('text/html', '<table class="dataframe"><tr><td>1</td></tr></table>'))
    expect(textOf(select('div.output.output-html > table.dataframe td', tree))).toBe('1')
  })

  it('renders an image file with alt text, size and lazy loading', () => {
    const tree = renderOutputs(rich('image/png', 'AAAA', {url: 'intro_files/abc.png', metadata: {width: 320, height: '200'}}))
    const img = select('div.output.output-image > img', tree)
    expect(img?.properties).toMatchObject({src: 'intro_files/abc.png', alt: 'Output of cell 3', loading: 'lazy', width: 320, height: 200})
  })

  it('uses metadata.alt and ignores sizes that are not numbers', () => {
    const tree = renderOutputs(rich('image/svg+xml', '<svg/>', {url: 'a.svg', metadata: {alt: 'A sine wave', width: '50%', height: {}}}))
    const img = select('img', tree)
    expect(img?.properties.alt).toBe('A sine wave')
    expect(img?.properties.width).toBeUndefined()
    expect(img?.properties.height).toBeUndefined()
  })

  it('shows a placeholder when the image has no file, and never a data: URI', () => {
    const tree = renderOutputs(
      rich('image/png', 'not base64!'),
      rich('image/jpeg', 'AAAA', {url: 'data:image/jpeg;base64,AAAA'}),
    )
    expect(selectAll('img', tree)).toHaveLength(0)
    const missing = selectAll('div.output-image > p.output-missing', tree)
    expect(missing.map(textOf)).toEqual(['Image output could not be read.', 'Image output could not be read.'])
  })

  it('renders parsed text/markdown and text/latex children', () => {
    const markdown: RootContent[] = [{type: 'paragraph', children: [{type: 'strong', children: [{type: 'text', value: 'bold'}]}]}]
    const latex: RootContent[] = [{type: 'html', value: '<span class="katex">x</span>'}]
    const tree = renderOutputs(rich('text/markdown', '**bold**', {children: markdown}), rich('text/latex', '$x$', {children: latex}))
    expect(textOf(select('div.output.output-markdown > p > strong', tree))).toBe('bold')
    expect(textOf(select('div.output.output-latex span.katex', tree))).toBe('x')
  })

  it('shows the source of text/markdown when the parser left no children', () => {
    const tree = renderOutputs(rich('text/markdown', '**bold**'))
    expect(textOf(select('div.output-markdown pre', tree))).toBe('**bold**')
  })

  it('renders application/json as a JSON code block', () => {
    const tree = renderOutputs(rich('application/json', '{"a": 1}'))
    expect(textOf(select('div.output.output-json > pre.output-json > code.language-json', tree))).toBe('{"a": 1}')
  })

  it('replaces a widget with a note asking to run the notebook', () => {
    const tree = renderOutputs(rich('application/vnd.jupyter.widget-view+json', '{"model_id": "x"}'))
    const div = select('div.output.output-widget', tree)
    expect(div?.properties.role).toBe('note')
    expect(textOf(select('p', div))).toBe('Interactive output: run this notebook to see it.')
  })

  it('shows an unknown MIME type as text', () => {
    const tree = renderOutputs(rich('application/x-unknown', 'some <text>'))
    expect(textOf(select('div.output-text > pre.output-text', tree))).toBe('some <text>')
  })

  it('puts an output prompt before an execute_result with a count', () => {
    const tree = renderOutputs(
      rich('text/plain', '1', {outputType: 'execute_result', executionCount: 7}),
      rich('text/plain', '2'),
    )
    const [result, display] = selectAll('div.output', tree)
    const promptDiv = select('div.prompt.prompt-output', result)
    expect(textOf(promptDiv)).toBe('[7]:')
    expect(promptDiv?.properties.ariaHidden).toBe('true')
    expect(result?.children.find((child) => child.type === 'element')).toBe(promptDiv)
    expect(select('.prompt', display)).toBeUndefined()
  })

  it('takes the count of an execute_result from its cell when the output has none', () => {
    const tree = render([codeCell({executionCount: 5, children: [rich('text/plain', '1', {outputType: 'execute_result'})]})])
    expect(textOf(select('.output .prompt-output', tree))).toBe('[5]:')
  })
})
