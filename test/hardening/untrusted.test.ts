import {describe, expect, it} from 'vitest'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fromHtml} from 'hast-util-from-html'
import {selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import {xml2js} from 'xml-js'
import {buildCourse, tempCourse} from '../sites/helpers.js'
import type {BuildResult} from '../../src/pipeline/run.js'
import type {Diagnostic} from '../../src/diagnostics/report.js'
import {codeCell, markdownCell, notebook} from './helpers.js'
import {isSafeUrl} from '../../src/transform/trust.js'
import {executableParts} from './executable.js'

/**
 * `trust: 'untrusted'`: a student's notebook with HTML that runs a script
 * must not republish the script. These pages are built through the real
 * pipeline and their HTML is parsed, so the assertions are about elements and
 * attributes, not about strings that happen to appear.
 */

const svgWithScript = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20" onload="alert('svg-onload')">
<script>alert('svg-script')</script>
<rect width="20" height="20" style="fill: #c00"/>
<a href="javascript:alert('svg-link')"><circle r="3"/></a>
<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div></foreignObject>
<set attributeName="href" to="javascript:alert(1)"/>
</svg>`

const hostileHtml = [
  '<table class="dataframe"><tr><td onclick="alert(1)">1</td></tr></table>',
  '<script>alert("html-script")</script>',
  '<img src="x" onerror="alert(\'onerror\')">',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVa&#x09;ScRiPt:alert(1)">tabbed</a>',
  '<iframe src="https://evil.example/"></iframe>',
  '<form action="https://evil.example/"><input name="password"><button>Send</button></form>',
  '<style>body{display:none}</style>',
  '<object data="https://evil.example/x.swf"></object>',
  '<svg><script>alert("inline-svg")</script></svg>',
].join('\n')

function hostileNotebook(): string {
  return notebook([
    markdownCell('a', `# Student work\n\nRaw <img src="x" onerror="alert('md-cell')"> in a cell, and [a link](javascript:alert('md-link')).\n\n<script>alert('md-block')</script>`),
    codeCell('b', 'show()', [
      {output_type: 'display_data', metadata: {}, data: {'text/html': hostileHtml, 'text/plain': '<table>'}},
      {output_type: 'display_data', metadata: {}, data: {'image/svg+xml': svgWithScript}},
      {output_type: 'display_data', metadata: {}, data: {'text/markdown': `**bold** <img src=x onerror="alert('md-output')"> [x](javascript:alert(1))`}},
      {output_type: 'display_data', metadata: {}, data: {'application/javascript': "alert('js-only')"}},
      {output_type: 'display_data', metadata: {}, data: {'application/javascript': "alert('js-with-text')", 'text/plain': 'JS fallback text'}},
    ]),
    {cell_type: 'raw', id: 'c', metadata: {format: 'text/html'}, source: '<p onmouseover="alert(1)">raw cell</p><script>alert("raw-cell")</script>'},
  ])
}

const executable = executableParts

async function buildHostile(config: Record<string, unknown>, files: Record<string, string> = {}): Promise<{result: BuildResult; root: string}> {
  const course = tempCourse('cb-trust-')
  course.write('week-1/01-student.ipynb', hostileNotebook())
  for (const [path, text] of Object.entries(files)) course.write(path, text)
  const result = await buildCourse(course.root, config)
  return {result, root: course.root}
}

const page = (root: string, outPath = 'week-1/01-student.html') => fromHtml(readFileSync(join(root, 'dist', outPath), 'utf8'))
const messages = (diagnostics: readonly Diagnostic[], ruleId: string) => diagnostics.filter((d) => d.ruleId === ruleId).map((d) => d.message)

describe("trust: 'untrusted'", () => {
  it('leaves nothing that can run script in the page: HTML, Markdown and raw-cell HTML, links', async () => {
    const {result, root} = await buildHostile({trust: 'untrusted'})
    const tree = page(root)
    expect(executable(tree)).toEqual([])
    // What is safe is kept: the table with its class, the link and image text, the fallback text.
    expect(selectAll('table.dataframe td', tree)).toHaveLength(1)
    const text = readFileSync(join(root, 'dist/week-1/01-student.html'), 'utf8')
    expect(text).toContain('a link')
    expect(text).toContain('JS fallback text')
    expect(text).toContain('raw cell')
    expect(text).not.toContain('alert(')
    expect(messages(result.diagnostics, 'html-sanitised')).toEqual(['Unsafe HTML or URLs were removed from 8 pieces of content on this untrusted page'])
  })

  it('drops application/javascript outputs with a warning naming the cell; a JS-only output leaves nothing behind', async () => {
    const {result, root} = await buildHostile({trust: 'untrusted'})
    const dropped = result.diagnostics.filter((d) => d.ruleId === 'output-script-dropped')
    expect(dropped.map((d) => [d.severity, d.cell, d.message])).toEqual([
      ['warning', 1, "An output's application/javascript was dropped: scripts never run on an untrusted page"],
      ['warning', 1, "An output's application/javascript was dropped: scripts never run on an untrusted page"],
    ])
    expect(readFileSync(join(root, 'dist/week-1/01-student.html'), 'utf8')).not.toContain('application/javascript')
  })

  it('writes SVG outputs as sanitised, well-formed SVG files, shown with <img>', async () => {
    const {root} = await buildHostile({trust: 'untrusted'})
    const [img] = selectAll('.output-image img', page(root))
    expect(img?.properties.src).toMatch(/^01-student_files\/[0-9a-f]{12}\.svg$/)
    const svg = readFileSync(join(root, 'dist/week-1', String(img!.properties.src)), 'utf8')
    expect(() => xml2js(svg)).not.toThrow()
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
    expect(svg).toContain('<rect width="20" height="20" style="fill: #c00"></rect>')
    expect(svg).not.toMatch(/script|onload|javascript|foreignObject|<set|onerror/i)
  })

  it('a page can lower its own trust with front matter, notebook metadata or unit metadata', async () => {
    const course = tempCourse('cb-trust-')
    const raw = '\n\n<img src="https://example.org/a.png" alt="A chart" onerror="alert(1)">\n'
    course.write('week-1/01-page.md', `---\ntrust: untrusted\n---\n# Page${raw}`)
    course.write('week-1/02-notebook.ipynb', notebook([markdownCell('a', `# Notebook${raw}`)], {coursebook: {trust: 'untrusted'}}))
    course.write('week-1/03-trusted.md', `# Trusted${raw}`)
    course.write('week-2/_unit.yml', 'title: Submissions\ntrust: untrusted\n')
    course.write('week-2/01-submission.md', `# Submission${raw}`)
    const result = await buildCourse(course.root)
    const onerror = (outPath: string) => selectAll('img', page(course.root, outPath)).some((img) => 'onError' in img.properties)
    expect(onerror('week-1/01-page.html')).toBe(false)
    expect(onerror('week-1/02-notebook.html')).toBe(false)
    expect(onerror('week-2/01-submission.html')).toBe(false)
    expect(onerror('week-1/03-trusted.html')).toBe(true)
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
  })

  it('refuses a page that claims more trust than the course gives, and a trust value it does not know', async () => {
    const course = tempCourse('cb-trust-')
    course.write('week-1/01-claims.md', '---\ntrust: author\n---\n# Claims\n\n<script>alert(1)</script>\n')
    course.write('week-1/02-typo.md', '---\ntrust: yes\n---\n# Typo\n\n<script>alert(1)</script>\n')
    const result = await buildCourse(course.root, {trust: 'untrusted'})
    expect(result.diagnostics.filter((d) => d.ruleId === 'frontmatter-invalid').map((d) => [d.severity, d.file!.slice(course.root.length), d.message])).toEqual([
      ['warning', '/content/week-1/01-claims.md', "`trust: author` cannot raise a page above the course's `trust: 'untrusted'`; the page is treated as untrusted"],
      ['warning', '/content/week-1/02-typo.md', '`trust` must be "author" or "untrusted", not "yes"; the page is treated as untrusted'],
    ])
    expect(executable(page(course.root, 'week-1/01-claims.html'))).toEqual([])
    expect(executable(page(course.root, 'week-1/02-typo.html'))).toEqual([])
  })
})

describe("trust: 'untrusted' with HTML nested too deeply to walk", () => {
  it('drops that HTML (failing closed) and still builds the page', async () => {
    const course = tempCourse('cb-trust-')
    const deep = `${'<div>'.repeat(20_000)}<script>alert(1)</script>${'</div>'.repeat(20_000)}`
    course.write('week-1/01-deep.ipynb', notebook([markdownCell('a', '# Deep'), codeCell('b', 'x', [{output_type: 'display_data', metadata: {}, data: {'text/html': deep}}])]))
    const result = await buildCourse(course.root, {trust: 'untrusted', baseUrl: 'https://courses.example.org/t1/'})
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['html-sanitised'])
    const html = readFileSync(join(course.root, 'dist/week-1/01-deep.html'), 'utf8')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<div><div>')
  })
})

describe("trust: 'author' (the default)", () => {
  it('publishes the course team’s HTML as written, scripts included', async () => {
    const {result, root} = await buildHostile({})
    const scripts = selectAll('script', page(root)).map((s) => JSON.stringify(s.children))
    expect(scripts.some((s) => s.includes('html-script'))).toBe(true)
    expect(messages(result.diagnostics, 'html-sanitised')).toEqual([])
  })

  it('never makes a JavaScript output executable: it is shown as text or a placeholder', async () => {
    const {root} = await buildHostile({})
    const scripts = selectAll('script', page(root)).map((s) => JSON.stringify(s.children))
    expect(scripts.filter((s) => s.includes('js-only') || s.includes('js-with-text'))).toEqual([])
    const html = readFileSync(join(root, 'dist/week-1/01-student.html'), 'utf8')
    expect(html).toContain('[output of type application/javascript, which cannot be shown here]')
    expect(html).toContain('JS fallback text')
  })

  it('shows SVG outputs with <img>, so scripts inside them do not run in the page', async () => {
    const {root} = await buildHostile({})
    const tree = page(root)
    expect(selectAll('.output-image img', tree)).toHaveLength(1)
    expect(selectAll('.output-image svg, .output-image script', tree)).toEqual([])
  })
})

describe('titles, metadata and file names are escaped wherever they reach HTML (every mode)', () => {
  const evil = `<script>alert('x')</script><img src=x onerror=alert(1)>"'&`
  it.each(['author', 'untrusted'] as const)('trust: %s', async (trust) => {
    const course = tempCourse('cb-escape-')
    const yamlEvil = JSON.stringify(evil)
    course.write('week-1/_unit.yml', `title: ${yamlEvil}\nsummary: ${yamlEvil}\nlearning_outcomes: [${yamlEvil}]\n`)
    course.write('week-1/01-page.md', `---\ntitle: ${yamlEvil}\nstudy_time: 5\n---\n## Heading ${evil.replace(/</g, '&lt;')}\n\n![${evil.replace(/[<>\[\]]/g, '')}](pic.png "${evil.replace(/"/g, '')}")\n`)
    course.write('week-1/pic.png', 'not really a png')
    course.write(`week-1/02-${evil.replace(/\//g, '')}.md`, 'Named by its file.\n')
    course.write('week-1/03-notebook.ipynb', notebook([markdownCell('a', '# Notebook'), codeCell('b', 'x = 1')], {kernelspec: {name: evil, display_name: evil, language: evil}, language_info: {name: evil}}))
    const result = await buildCourse(course.root, {trust, title: evil, description: evil, presentation: evil, authors: [evil]})
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    for (const outPath of ['index.html', 'week-1/index.html', 'week-1/01-page.html', 'week-1/03-notebook.html', result.pages[1]!.source.outPath]) {
      const tree = page(course.root, outPath)
      expect(executable(tree), outPath).toEqual([])
      expect(selectAll('script', tree), outPath).toEqual([])
    }
    const unitPage = readFileSync(join(course.root, 'dist/week-1/index.html'), 'utf8')
    expect(unitPage).toContain('&#39;x&#39;)&lt;/script&gt;')
    const readingPage = page(course.root, 'week-1/01-page.html')
    expect(selectAll('h1', readingPage).map((h) => toString(h))).toEqual([evil])
  })
})

describe('isSafeUrl', () => {
  it.each([
    ['https://example.org/a', true],
    ['mailto:tutor@example.org', true],
    ['images/a.png', true],
    ['#section', true],
    ['../other.html?x=1#y', true],
    ['javascript:alert(1)', false],
    [' JaVaScRiPt:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['java\nscript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox', false],
  ])('%j → %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe)
  })
})

// Keep the written fixture reachable for debugging a failure: `UNTRUSTED_FIXTURE=path npx vitest run …`.
if (process.env.UNTRUSTED_FIXTURE) writeFileSync(process.env.UNTRUSTED_FIXTURE, hostileNotebook())
