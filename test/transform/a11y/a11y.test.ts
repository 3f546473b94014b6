import {describe, expect, it} from 'vitest'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {configFromObject} from '../../../src/config/load.js'
import {discoverCourse} from '../../../src/load/discover.js'
import {processPage} from '../../../src/pipeline/page.js'

const A11Y_RULES = new Set(['image-alt-missing', 'image-alt-long', 'heading-level-skipped', 'table-header-missing', 'link-text-vague', 'tikz-no-alt'])

/** Run one page through the real page pipeline and list its accessibility diagnostics as `rule cell line:column message`. */
async function a11yOf(name: string, text: string): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'cb-a11y-'))
  const path = join(root, 'content', 'week-1', name)
  mkdirSync(dirname(path), {recursive: true})
  writeFileSync(path, text)
  const config = configFromObject({code: 'A11Y1', title: 'Accessibility', tikz: {engine: 'tikzjax'}}, root)
  const course = discoverCourse(config, () => {})
  const source = course.pagesBySource.get(`week-1/${name}`)!
  const {diagnostics} = await processPage({config, pagesBySource: course.pagesBySource, units: course.units}, source)
  // In page order: the TikZ stage reports before this one, whatever the cell.
  return diagnostics
    .filter((d) => A11Y_RULES.has(d.ruleId))
    .sort((a, b) => (a.cell ?? -1) - (b.cell ?? -1) || (a.line ?? 0) - (b.line ?? 0))
    .map((d) => `${d.severity} ${d.ruleId} ${d.cell === undefined ? '-' : `cell ${d.cell + 1}`} ${d.line ?? '-'}:${d.column ?? '-'} ${d.message}`)
}

const LONG_ALT = 'A plot of the displacement of the trolley against time, which starts at one metre, swings below zero and back, and settles towards zero as the damping takes energy out'

describe('accessibility checks of a Markdown page', () => {
  it('reports each problem at its line: alt text, heading levels, table headers, vague links, raw HTML', async () => {
    const page = [
      '---', // 1
      'title: Accessibility',
      '---',
      '',
      '## Setting up', // 5
      '',
      '![](plot.png)',
      '',
      '#### Too deep',
      '', // 10
      '|  |  |',
      '|--|--|',
      '| 1 | 2 |',
      '',
      'Read more [here](https://numpy.org) or [Click here!](https://scipy.org); the [NumPy user guide](https://numpy.org/doc) is fine.', // 15
      '',
      `![${LONG_ALT}](plot.png)`,
      '',
      '<img src="a.png">',
      '<img src="b.png" alt="">', // 20
      '',
      '<table>',
      '<tr><td>1</td></tr>',
      '</table>',
      '', // 25
      'See <a href="https://jupyter.org">this</a> and <a href="https://jupyter.org/hub">JupyterHub</a>.',
      '',
      '### Back in order',
      '',
      '[](https://example.org)', // 30
      '',
    ].join('\n')
    expect(await a11yOf('page.md', page)).toEqual([
      'warning image-alt-missing - 7:1 An image has no alt text',
      'warning heading-level-skipped - 9:1 A level-4 heading follows a level-2 heading; level 3 is skipped',
      'warning table-header-missing - 11:1 The table\'s header row is empty, so its columns have no names',
      'warning link-text-vague - 15:11 The link text "here" does not say where the link leads',
      'warning link-text-vague - 15:40 The link text "Click here!" does not say where the link leads',
      `info image-alt-long - 17:1 The alt text of an image is ${LONG_ALT.length} characters long (more than 150): "${LONG_ALT.slice(0, 40)}…"`,
      'warning image-alt-missing - 19:1 An HTML image has no alt text',
      'warning table-header-missing - 22:1 The HTML table has no header cells (<th>), so its columns have no names',
      'warning link-text-vague - 26:5 The link text "this" does not say where the link leads',
      'warning link-text-vague - 30:1 A link has no text, so a screen reader can only read out its address',
    ])
  })

  it('finds nothing wrong with an accessible page', async () => {
    const page = '# Title\n\n## Section\n\n### Sub\n\n![A trolley on a spring](t.png)\n\n| Time | Position |\n|---|---|\n| 0 | 1 |\n\nRead [the NumPy user guide](https://numpy.org/doc).\n\n<table><tr><th>a</th></tr><tr><td>1</td></tr></table>\n'
    expect(await a11yOf('good.md', page)).toEqual([])
  })

  it('takes the title as level 1, so a page opening with ### skips a level', async () => {
    expect(await a11yOf('deep.md', '# Title\n\n### Straight to three\n')).toEqual([
      'warning heading-level-skipped - 3:1 A level-3 heading follows a level-1 heading (the page title); level 2 is skipped',
    ])
  })
})

describe('accessibility checks of a notebook', () => {
  const cell = (type: 'markdown' | 'code', source: string, outputs: unknown[] = []) =>
    type === 'markdown' ? {cell_type: 'markdown', metadata: {}, source} : {cell_type: 'code', metadata: {}, source, execution_count: 1, outputs}
  const notebook = (cells: unknown[]) => JSON.stringify({cells, metadata: {kernelspec: {name: 'python3', display_name: 'Python 3'}}, nbformat: 4, nbformat_minor: 5})

  it('names the cell and the line within it, and leaves notebook outputs alone', async () => {
    const html = {output_type: 'display_data', metadata: {}, data: {'text/html': '<table><tr><td>output</td></tr></table><img src="x.png">', 'text/plain': 'x'}}
    const markdownOutput = {output_type: 'display_data', metadata: {}, data: {'text/markdown': '#### Output heading\n\n[here](https://x.org)', 'text/plain': 'x'}}
    const text = notebook([
      cell('markdown', '# A notebook\n\nIntro.'),
      cell('code', 'display(table)', [html, markdownOutput]),
      cell('markdown', 'Some text.\n\n![](figure.png)\n\nMore in [this](https://numpy.org).'),
      cell('markdown', '#### Details'),
    ])
    expect(await a11yOf('nb.ipynb', text)).toEqual([
      'warning image-alt-missing cell 3 3:1 An image has no alt text',
      'warning link-text-vague cell 3 5:9 The link text "this" does not say where the link leads',
      'warning heading-level-skipped cell 4 1:1 A level-4 heading follows a level-1 heading (the page title); level 2 is skipped',
    ])
  })

  it('asks a captioned TikZ diagram for alt text, and leaves one with neither to tikz-no-alt', async () => {
    const text = notebook([
      cell('markdown', '# Diagrams'),
      cell('code', '%%tikz\n% caption: The trolley\n\\draw (0,0) -- (1,0);'),
      cell('code', '%%tikz\n\\draw (0,0) -- (1,1);'),
    ])
    expect(await a11yOf('tikz.ipynb', text)).toEqual([
      'warning image-alt-missing cell 2 -:- A TikZ diagram has a caption but no alt text: the caption names the diagram, alt text describes it',
      expect.stringMatching(/^warning tikz-no-alt cell 3 /),
    ])
  }, 60_000)
})
