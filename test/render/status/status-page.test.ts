import {beforeAll, describe, expect, it} from 'vitest'
import {existsSync, mkdtempSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fromHtml} from 'hast-util-from-html'
import {select, selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import type {Element, Root} from 'hast'
import {build, type BuildResult} from '../../../src/pipeline/run.js'
import {configFromObject} from '../../../src/config/load.js'
import {git, gitRepository, gitWith, writeFiles} from '../../checks/git-repo.js'

const pageA = `---
status: draft
study_time: 30
target_words: 10
---

# Page A

One two three four five six seven eight nine ten eleven twelve. See [the missing page](nowhere.md).

![](pic.png)
`
const notebookB = JSON.stringify({
  cells: [
    {cell_type: 'markdown', metadata: {}, source: '# Notebook B\n\nThe equation $\\frac{1}{$ fails.'},
    {cell_type: 'code', metadata: {}, source: 'x = 1\nprint(x)', execution_count: 1, outputs: [{output_type: 'stream', name: 'stdout', text: 'these output words are not counted\n'}]},
  ],
  metadata: {kernelspec: {name: 'python3', display_name: 'Python 3'}, coursebook: {status: 'review', study_time: 45}},
  nbformat: 4,
  nbformat_minor: 4,
})

/** A two-unit course in git, built for the course team; the status page read back with an HTML parser. */
describe('the course status page', () => {
  let root: string
  let result: BuildResult
  let status: Root
  const row = (title: string): Element => selectAll('tbody tr', status).find((tr) => toString(select('th a', tr)!) === title)!
  const cell = (tr: Element, kind: string) => toString(select(`td[data-kind="${kind}"]`, tr)!).trim()

  beforeAll(async () => {
    root = gitRepository({
      'content/week-1/_unit.yml': 'title: Week 1\nstudy_time: 60\ntarget_words: 100\n',
      'content/week-1/01-a.md': pageA,
      'content/week-1/02-b.ipynb': notebookB,
    })
    writeFiles(root, {'content/week-2/_unit.yml': 'title: Week 2\n', 'content/week-2/01-c.md': '---\nstatus: final\n---\n\n# Page C\n\nAll done here today.\n'})
    git(root, 'add', 'content/week-2/_unit.yml', 'content/week-2/01-c.md')
    const date = '2025-03-04T05:06:07+00:00'
    gitWith({GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date}, root, 'commit', '-q', '-m', 'Week 2')
    writeFiles(root, {'content/week-2/02-uncommitted.md': '# Draft\n\nNot committed yet.\n'})
    const config = configFromObject({code: 'TM258', title: 'Modelling', audience: 'team'}, root)
    result = await build({config, outDir: mkdtempSync(join(tmpdir(), 'cb-status-')), cache: false, workers: 0})
    status = fromHtml(readFileSync(join(result.outPath, 'status.html'), 'utf8'))
  })

  it('counts the words each page\'s author wrote, prose and code but not outputs', () => {
    const words = Object.fromEntries(result.pages.map((p) => [p.source.relPath, p.words]))
    expect(words).toEqual({'week-1/01-a.md': 18, 'week-1/02-b.ipynb': 9, 'week-2/01-c.md': 6, 'week-2/02-uncommitted.md': 4})
  })

  it('draws a bar against the target that turns the "over" colour past it', () => {
    const a = select('.status-words', row('Page A'))!
    expect(select('.status-progress-over svg.status-bar', a)).toBeTruthy()
    expect(select('.status-bar-fill', a)!.properties.width).toBe('100')
    expect(select('.status-bar-target', a)!.properties.x1).toBe('55.6')
    expect(toString(select('.status-progress-text', a)!)).toBe('18 / 10 words (180%, 8 over)')
    const unit = select('#unit-week-1', status)!
    const unitWords = select('.status-summary .status-progress', unit)!
    expect(unitWords.properties.className).toEqual(['status-progress', 'status-progress-under'])
    expect(select('.status-bar-fill', unitWords)!.properties.width).toBe('27')
    expect(toString(unitWords).trim()).toBe('27 / 100 words (27%)')
    // Week 2 has no target: the course's 37 words are not all set against week 1's target.
    const course = select('.status-page > .page-header .status-summary dd', status)!
    expect(toString(course).replace(/\s+/g, ' ').trim()).toBe('37 in all; 27 / 100 words (27%) in the units with a target')
  })

  it('measures the unit\'s pages\' study time against the unit\'s, and shows each page\'s status as a badge', () => {
    const time = selectAll('#unit-week-1 .status-summary .status-progress', status)[1]!
    expect(time.properties.className).toContain('status-progress-over')
    expect(toString(time).trim()).toBe('1 h 15 min / 1 h (125%, 15 min over)')
    expect(selectAll('tbody tr', status).map((tr) => toString(select('.status-badge', tr)!))).toEqual(['draft', 'review', 'final', 'no status'])
    expect(select('.status-badge', row('Notebook B'))!.properties.className).toContain('status-review')
  })

  it('counts each page\'s problems by kind', () => {
    const a = row('Page A')
    expect([cell(a, 'links'), cell(a, 'alt'), cell(a, 'rendering'), cell(a, 'launch')]).toEqual(['2', '1', '0', '0'])
    const b = row('Notebook B')
    expect([cell(b, 'links'), cell(b, 'alt'), cell(b, 'rendering')]).toEqual(['0', '0', '1'])
    expect(selectAll('.status-page > .page-header li', status).map((li) => toString(li))).toEqual(['Broken links: 2', 'Missing alt text: 1', 'KaTeX or TikZ errors: 1'])
  })

  it('gives the date of each page\'s last commit, and none to an uncommitted page', () => {
    expect(select('time', row('Page C'))!.properties.dateTime).toBe('2025-03-04T05:06:07+00:00')
    expect(select('time', row('Draft'))).toBeUndefined()
    expect(toString(select('td:last-child', row('Draft'))!)).toBe('—')
  })

  it('is a plain page: the theme stylesheet, no scripts, nothing from elsewhere, and not linked from the site', () => {
    expect(selectAll('script', status)).toEqual([])
    expect(selectAll('link[rel="stylesheet"]', status).map((l) => l.properties.href)).toEqual(['assets/theme/theme.css'])
    const external = selectAll('[href], [src]', status).filter((n) => /^(https?:)?\/\//.test(String(n.properties.href ?? n.properties.src)))
    expect(external).toEqual([])
    for (const file of htmlFiles(result.outPath)) {
      if (file.endsWith('status.html')) continue
      expect(readFileSync(file, 'utf8'), file).not.toContain('status.html')
    }
  })

  it('is written for the team audience or with `status: true`, never for students by default', async () => {
    const student = await build({config: configFromObject({code: 'TM258', title: 'Modelling'}, root), outDir: mkdtempSync(join(tmpdir(), 'cb-status-')), cache: false, workers: 0, launchChecks: false})
    expect(existsSync(join(student.outPath, 'status.html'))).toBe(false)
    const asked = await build({config: configFromObject({code: 'TM258', title: 'Modelling', status: true}, root), outDir: mkdtempSync(join(tmpdir(), 'cb-status-')), cache: false, workers: 0})
    expect(existsSync(join(asked.outPath, 'status.html'))).toBe(true)
  })
})

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? htmlFiles(path) : path.endsWith('.html') ? [path] : []
  })
}
