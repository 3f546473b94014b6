import {describe, expect, it} from 'vitest'
import {unzipSync, strFromU8} from 'fflate'
import {all, convertPage, first, kids, names, notebook, textOf, withRule} from './helpers.js'
import {htmlPackage} from '../../../src/export/ouxml/zip.js'

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
const DATAFRAME = `<div>
<style scoped>
    .dataframe tbody tr th:only-of-type { vertical-align: middle; }
</style>
<table border="1" class="dataframe">
  <thead>
    <tr style="text-align: right;"><th></th><th>time</th><th>temp &amp; unit</th></tr>
  </thead>
  <tbody>
    <tr><th>0</th><td>0</td><td>82.1</td></tr>
    <tr><th>1</th><td colspan="2">&lt;missing&gt;</td></tr>
  </tbody>
</table>
<p>2 rows × 2 columns</p>
</div>`

const code = (source: string, outputs: unknown[] = [], tags: string[] = []) => ({cell_type: 'code', source, execution_count: 1, outputs, metadata: {tags}})
const md = (source: string) => ({cell_type: 'markdown', source})

async function convertNotebook(cells: unknown[], config = {}) {
  return convertPage({'unit/nb.ipynb': notebook(cells)}, 'unit/nb.ipynb', config)
}

describe('OU-XML export of notebooks', () => {
  it('code cells → ProgramListing (one Paragraph per line); stream, error and text outputs → ComputerDisplay, ANSI codes removed', async () => {
    const {session} = await convertNotebook([
      md('# Title'),
      code('for i in range(2):\n    print(i)\n', [
        {output_type: 'stream', name: 'stdout', text: ['0\n', '1\n']},
        {output_type: 'error', ename: 'ValueError', evalue: 'bad', traceback: ['\u001b[0;31mValueError\u001b[0m: bad']},
        {output_type: 'execute_result', execution_count: 1, data: {'text/plain': ['  42']}, metadata: {}},
      ]),
    ])
    expect(names(session)).toEqual(['ProgramListing', 'ComputerDisplay', 'ComputerDisplay', 'ComputerDisplay'])
    const [listing, stream, error, result] = kids(session)
    expect(kids(listing).map(textOf)).toEqual(['for i in range(2):', '    print(i)'])
    expect(kids(stream).map(textOf)).toEqual(['0', '1'])
    expect(textOf(error)).toBe('ValueError: bad')
    expect(textOf(result)).toBe('  42')
  })

  it('honours remove-input and remove-output; the headings of Markdown cells open sections around later cells', async () => {
    const {session} = await convertNotebook([
      md('# Title\n\nIntro.'),
      md('## Part one'),
      code('hidden()', [{output_type: 'stream', name: 'stdout', text: 'shown\n'}], ['remove-input']),
      code('shown()', [{output_type: 'stream', name: 'stdout', text: 'hidden\n'}], ['remove-output']),
      md('## Part two\n\nText.'),
    ])
    expect(names(session)).toEqual(['Paragraph', 'Section', 'Section'])
    const [, one, two] = kids(session)
    expect(names(one)).toEqual(['Title', 'ComputerDisplay', 'ProgramListing'])
    expect(textOf(first(one, 'ComputerDisplay'))).toBe('shown')
    expect(textOf(first(one, 'ProgramListing'))).toBe('shown()')
    expect(names(two)).toEqual(['Title', 'Paragraph'])
  })

  it('image outputs → Figure whose Image is the file the build writes for the output', async () => {
    const {session, result} = await convertNotebook([
      md('# T'),
      code('plot()', [{output_type: 'display_data', data: {'image/png': PNG, 'text/plain': '<Figure>'}, metadata: {'image/png': {alt: 'A dot'}}}]),
    ])
    const figure = first(session, 'Figure')!
    const src = first(figure, 'Image')!.attributes!.src as string
    expect(src).toMatch(/^unit\/nb_files\/[0-9a-f]{12}\.png$/)
    expect(textOf(first(figure, 'Description'))).toBe('A dot')
    expect(result.ouxml!.media).toEqual([src])
    expect(result.assets.map((a) => a.outPath)).toContain(src)
  })

  it('HTML table outputs (pandas) → an OU Table, with the note beside it as a paragraph', async () => {
    const {session} = await convertNotebook([md('# T'), code('df', [{output_type: 'execute_result', execution_count: 1, data: {'text/html': DATAFRAME, 'text/plain': 'df'}, metadata: {}}])])
    expect(names(session)).toEqual(['ProgramListing', 'Table', 'Paragraph'])
    const rows = kids(first(session, 'tbody'))
    expect(rows.map(names)).toEqual([['th', 'th', 'th'], ['th', 'td', 'td'], ['th', 'td']])
    expect(rows.map((r) => kids(r).map(textOf))).toEqual([['', 'time', 'temp & unit'], ['0', '0', '82.1'], ['1', '<missing>']])
    expect(kids(rows[2])[1]!.attributes).toEqual({colspan: '2'})
    expect(textOf(kids(session)[2])).toBe('2 rows × 2 columns')
  })

  it('other HTML outputs → MediaContent type="html5", a zip holding index.html; or, with htmlOutputs: omit, nothing but a diagnostic', async () => {
    const html = '<div id="plot"><script>draw()</script></div>'
    const cells = [md('# T'), code('show()', [{output_type: 'display_data', data: {'text/html': html}, metadata: {}}])]
    const packaged = await convertNotebook(cells)
    const media = first(packaged.session, 'MediaContent')!
    expect(media.attributes).toMatchObject({type: 'html5', width: '*', height: '400'})
    const src = media.attributes!.src as string
    expect(src).toMatch(/^unit\/nb_files\/[0-9a-f]{12}\.zip$/)
    const pkg = packaged.result.ouxml!.packages[0]!
    expect(pkg.path).toBe(src)
    const files = unzipSync(htmlPackage(pkg.html, pkg.title))
    expect(Object.keys(files)).toEqual(['index.html'])
    expect(strFromU8(files['index.html']!)).toContain(html)

    const omitted = await convertNotebook(cells, {ouxml: {htmlOutputs: 'omit'}})
    expect(names(omitted.session)).toEqual(['ProgramListing'])
    expect(withRule(omitted.diagnostics, 'ouxml-html-omitted')).toMatchObject([
      {severity: 'info', cell: 1, message: "The HTML output of cell 2 was left out of the OU-XML (ouxml.htmlOutputs is 'omit')"},
    ])
  })

  it('Markdown and LaTeX outputs → their content; widgets → a paragraph asking the reader to run the notebook', async () => {
    const {session} = await convertNotebook([
      md('# T'),
      code('x', [
        {output_type: 'display_data', data: {'text/markdown': '**Result:** 3'}, metadata: {}},
        {output_type: 'display_data', data: {'text/latex': '$$\\frac{1}{2}$$'}, metadata: {}},
        {output_type: 'display_data', data: {'application/vnd.jupyter.widget-view+json': {model_id: 'abc'}}, metadata: {}},
      ]),
    ])
    expect(names(session)).toEqual(['ProgramListing', 'Paragraph', 'Equation', 'Paragraph'])
    expect(names(kids(session)[1])).toEqual(['b'])
    expect(textOf(first(session, 'TeX'))).toBe('\\frac{1}{2}')
    expect(textOf(kids(session)[3])).toBe('Interactive output: run this notebook to see it.')
  })

  it('writes no control character that XML 1.0 forbids or discourages, whatever the outputs hold', async () => {
    const {session, xml} = await convertNotebook([md('# T'), code('print("a\\x00b")', [{output_type: 'stream', name: 'stdout', text: 'bell\u0007 and \u000b tab\tok\u007f\u0085\n'}])])
    expect(textOf(first(session, 'ComputerDisplay'))).toBe('bell and  tab\tok')
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/)
  })

  it('raw cells: HTML as HTML, plain text as ComputerDisplay, other formats left out', async () => {
    const {session} = await convertNotebook([
      md('# T'),
      {cell_type: 'raw', source: 'plain raw', metadata: {}},
      {cell_type: 'raw', source: '<table><tr><td>1</td></tr></table>', metadata: {format: 'text/html'}},
      {cell_type: 'raw', source: '\\LaTeX', metadata: {format: 'text/latex'}},
    ])
    expect(names(session)).toEqual(['ComputerDisplay', 'Table'])
    expect(all(session, 'td').map(textOf)).toEqual(['1'])
  })
})
