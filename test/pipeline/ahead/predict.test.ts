import {describe, expect, it, vi} from 'vitest'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {predict} from '../../../src/pipeline/ahead/predict.js'
import {markdownKey, type MarkdownKind} from '../../../src/pipeline/ahead/prepared.js'
import {highlightKey} from '../../../src/render/html/highlight.js'
import {processPage} from '../../../src/pipeline/page.js'
import {configFromObject} from '../../../src/config/load.js'
import type {PageSource, Unit} from '../../../src/pipeline/types.js'
import {projectRoot, sharedFixtures} from '../../sites/helpers.js'

// Every lookup a page makes of what the helper prepared, recorded; nothing is found, so pages render as without a helper.
const asked = vi.hoisted(() => new Set<string>())
vi.mock('../../../src/pipeline/ahead/prepared.js', async (original) => {
  const actual = await original<typeof import('../../../src/pipeline/ahead/prepared.js')>()
  return {
    ...actual,
    preparedCode: (key: string) => void asked.add(key),
    preparedMarkdown: (kind: MarkdownKind, text: string) => void asked.add(actual.markdownKey(kind, text)),
  }
})

const notebook = (cells: object[], metadata: object = {}) => JSON.stringify({nbformat: 4, nbformat_minor: 5, metadata, cells})
const code = (source: string | string[]) => ({cell_type: 'code', source, metadata: {}, outputs: [], execution_count: null})
const markdown = (source: string) => ({cell_type: 'markdown', source, metadata: {}})

describe('predicting what a page will parse and highlight', () => {
  it('takes a notebook’s code cells in the language the notebook parser gives them', () => {
    const text = notebook(
      [code(['import numpy as np\n', 'np.pi']), code('%%bash\nls -l'), code('  \n'), code('%%script ruby\nputs 1'), markdown('# Title')],
      {kernelspec: {language: 'python'}},
    )
    expect(predict(text, 'notebook').code).toEqual([
      {lang: 'python', code: 'import numpy as np\nnp.pi'},
      {lang: 'bash', code: '%%bash\nls -l'},
      {lang: 'ruby', code: '%%script ruby\nputs 1'},
    ])
    expect(predict(notebook([code('x <- 1')], {language_info: {name: 'R'}}), 'notebook').code).toEqual([{lang: 'r', code: 'x <- 1'}])
    expect(predict('{not json', 'notebook').code).toEqual([])
  })

  it('takes every Markdown cell of a notebook and the whole of a Markdown page, unless nested too deeply to parse as it is', () => {
    const text = notebook([markdown('# One'), code('x = 1'), {...markdown('Removed'), metadata: {tags: ['remove-cell']}}, markdown(`${'> '.repeat(150)}deep`)])
    expect(predict(text, 'notebook').markdown).toEqual([
      {kind: 'blocks', text: '# One'},
      {kind: 'blocks', text: 'Removed'},
    ])
    expect(predict('---\ntitle: T\n---\n# Page', 'markdown').markdown).toEqual([{kind: 'page', text: '---\ntitle: T\n---\n# Page'}])
  })

  it('takes top-level fenced blocks, as remark gives their value, and skips what it cannot be sure of', () => {
    const page = [
      'Text', '', '```js title="x"', 'let a = 1', '', '```', '',
      '  ~~~~ python', '  indented', '    more', '   ~~~~~', '',
      '```unknownlang', 'x', '```', '',
      '``` py`x', 'not a fence', '```', '',
      '```bash', 'never closed',
    ].join('\n')
    expect(predict(page, 'markdown').code).toEqual([
      {lang: 'javascript', code: 'let a = 1\n'},
      {lang: 'python', code: 'indented\n  more'},
    ])
    expect(predict(notebook([markdown('```sql\nSELECT 1\n```')]), 'notebook').code).toEqual([{lang: 'sql', code: 'SELECT 1'}])
  })

  // A prediction the page does not use is wasted work on the helper: each must be exactly what the page asks for.
  it.skipIf(!existsSync(join(sharedFixtures, 'notebooks')))('on real notebooks and MyST pages, predicts every code cell and only what the page asks for', async () => {
    const walk = (folder: string): string[] =>
      readdirSync(folder, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? walk(join(folder, e.name)) : /\.(ipynb|md)$/.test(e.name) ? [join(folder, e.name)] : []))
    const files = [...walk(join(sharedFixtures, 'notebooks')), ...walk(join(sharedFixtures, 'myst')), ...walk(join(projectRoot, 'content'))].sort()
    const config = configFromObject({code: 'X', title: 'T'}, projectRoot)
    const unit: Unit = {dir: 'u', slug: 'u', title: 'U', learningOutcomes: [], meta: {}, pages: []}
    let cells = 0
    let predictedTotal = 0
    let markdownTotal = 0
    for (const path of files) {
      const kind = path.endsWith('.ipynb') ? 'notebook' : 'markdown'
      const source: PageSource = {path, relPath: `u/page.${kind === 'notebook' ? 'ipynb' : 'md'}`, kind, outPath: 'u/page.html', unit, order: 0}
      asked.clear()
      const {result} = await processPage({config, pagesBySource: new Map(), units: [unit]}, source)
      if (!result) continue
      const predicted = predict(readFileSync(path, 'utf8'), kind)
      predictedTotal += predicted.code.length
      for (const p of predicted.code) expect(asked, `${relative(projectRoot, path)}: ${p.code.slice(0, 60)}`).toContain(highlightKey(p.lang, p.code))
      for (const m of predicted.markdown) expect(asked, `${relative(projectRoot, path)}: ${m.text.slice(0, 60)}`).toContain(markdownKey(m.kind, m.text))
      markdownTotal += predicted.markdown.length
      if (kind === 'notebook') {
        const nb = JSON.parse(readFileSync(path, 'utf8')) as {cells?: Array<{cell_type: string; source: string | string[]}>}
        cells += (nb.cells ?? []).filter((c) => c.cell_type === 'code' && [c.source].flat().join('').trim()).length
      }
    }
    // Code cells alone number in the hundreds across the fixtures; fenced blocks add to them.
    expect(cells).toBeGreaterThan(100)
    expect(predictedTotal).toBeGreaterThanOrEqual(cells)
    expect(markdownTotal).toBeGreaterThan(200)
  })
})
