import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {projectRoot, sharedFixtures} from '../sites/helpers.js'
import {
  codeCell,
  courseWith,
  expectBuilt,
  expectDiagnostic,
  expectNoControlCharacters,
  markdownCell,
  notebook,
  removeCourses,
  runBuild,
  siteFiles,
  type Expected,
  type Run,
} from './helpers.js'

/**
 * The bad-input catalogue: every case is a course built through the real
 * CLI (`main(['build', ...])`), and pins what coursebook says about it (rule
 * id, severity, exact message, the file named, a hint), the exit code, and
 * that every other page was still built. docs/content/04-reference/03-bad-input.md lists the same
 * cases; the last test checks the two agree.
 */

/** Every message pinned below, for the check against docs/content/04-reference/03-bad-input.md. */
const documented: Array<Pick<Expected, 'ruleId' | 'message'>> = []
function expectPinned(run: Run, expected: Expected) {
  documented.push({ruleId: expected.ruleId, message: expected.message})
  return expectDiagnostic(run, expected)
}

const nbformatEdge = join(sharedFixtures, 'edge', 'nbformat')

afterAll(removeCourses)

describe.skipIf(!existsSync(nbformatEdge))('invalid notebooks from nbformat’s own test suite', () => {
  let root: string
  let run: Run
  beforeAll(async () => {
    root = courseWith({})
    cpSync(nbformatEdge, join(root, 'content', 'week-2'), {recursive: true})
    run = await runBuild(root)
  }, 300_000)

  // [file, expected diagnostic (or none), built?]
  const cases: Array<[string, Omit<Expected, 'file'> | undefined, boolean]> = [
    ['invalid.ipynb', {ruleId: 'notebook-schema-invalid', severity: 'warning', place: 'cell 1', message: 'Not valid nbformat 4.0: cells[0].source is missing'}, true],
    ['invalid_cell_id.ipynb', {ruleId: 'notebook-schema-invalid', severity: 'warning', place: 'cell 1', message: 'Not valid nbformat 4.5: cells[0].id is "$illegal_chars", but a cell id must match ^[a-zA-Z0-9-_]+$'}, true],
    ['invalid_unique_cell_id.ipynb', {ruleId: 'notebook-schema-invalid', severity: 'warning', place: 'cell 2', message: 'Not valid nbformat 4.5: cells[1].id is "dup", already the id of cells[0]'}, true],
    ['no_min_version.ipynb', {ruleId: 'notebook-schema-invalid', severity: 'warning', message: 'Not valid nbformat 4: nbformat_minor is missing'}, true],
    ['v4_5_invalid_metadata.ipynb', {ruleId: 'notebook-schema-invalid', severity: 'warning', message: 'Not valid nbformat 4.5: metadata.kernelspec must be an object, not a string ("BAD: should be a dict")'}, true],
    ['v4_5_no_cell_id.ipynb', {ruleId: 'notebook-schema-invalid', severity: 'warning', place: 'cell 1', message: 'Not valid nbformat 4.5: cells[0].id is missing'}, true],
    ['test2.ipynb', {ruleId: 'notebook-format-unsupported', severity: 'error', message: 'nbformat 2 is not supported: coursebook reads nbformat 4 and upgrades nbformat 3'}, false],
    ['test3_no_worksheets.ipynb', {ruleId: 'notebook-upgraded', severity: 'info', message: 'This nbformat 3 notebook was upgraded to nbformat 4 in memory'}, true],
    ['test3_worksheet_with_no_cells.ipynb', {ruleId: 'notebook-upgraded', severity: 'info', message: 'This nbformat 3 notebook was upgraded to nbformat 4 in memory'}, true],
  ]

  it.each(cases)('%s', (name, expected, built) => {
    if (expected) expectPinned(run, {...expected, file: `week-2/${name}`})
    const outPath = `week-2/${name.replace(/\.ipynb$/, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.html`
    expect(existsSync(join(root, 'dist', outPath)), outPath).toBe(built)
  })

  it('builds every other notebook of the folder, and exits 1 for the unsupported one', () => {
    expect(run.code).toBe(1)
    const pages = readdirSync(nbformatEdge).filter((n) => n.endsWith('.ipynb') && n !== 'test2.ipynb')
    expectBuilt(root, ...pages.map((n) => `week-2/${n.replace(/\.ipynb$/, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.html`))
    expect(run.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(1)
  })
})

describe('broken files', () => {
  it('truncated JSON: an error at the place the JSON stops, the page left out', async () => {
    const root = courseWith({'week-1/02-cut.ipynb': '{"cells": [{"cell_type": "markdown", "source": "hi"'})
    const run = await runBuild(root)
    expectPinned(run, {ruleId: 'notebook-json-invalid', severity: 'error', file: 'week-1/02-cut.ipynb', place: '1:52', message: "The notebook is not valid JSON: Expected ',' or '}' after property value"})
    expect(run.code).toBe(1)
    expectBuilt(root)
    expect(existsSync(join(root, 'dist/week-1/02-cut.html'))).toBe(false)
  })

  it('an empty notebook file', async () => {
    const root = courseWith({'week-1/02-empty.ipynb': ''})
    const run = await runBuild(root)
    expectPinned(run, {ruleId: 'notebook-json-invalid', severity: 'error', file: 'week-1/02-empty.ipynb', message: 'The notebook file is empty: expected nbformat JSON'})
    expect(run.code).toBe(1)
    expectBuilt(root)
  })

  it('an empty Markdown file is an empty page, not an error', async () => {
    const root = courseWith({'week-1/02-empty.md': ''})
    const run = await runBuild(root)
    expect(run.diagnostics).toEqual([])
    expect(run.code).toBe(0)
    expectBuilt(root, 'week-1/02-empty.html')
  })

  it('a binary file named .ipynb', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ff9f0100050001ff89993d1d0000000049454e44ae426082', 'hex')
    const root = courseWith({'week-1/02-image.ipynb': png})
    const run = await runBuild(root)
    expectPinned(run, {ruleId: 'notebook-json-invalid', severity: 'error', file: 'week-1/02-image.ipynb', message: 'The notebook file holds binary data, not nbformat JSON text (is it really an .ipynb file?)'})
    expectPinned(run, {ruleId: 'text-encoding-invalid', severity: 'warning', file: 'week-1/02-image.ipynb', place: '1:1', message: 'The file is not valid UTF-8: bytes that cannot be decoded are shown as �'})
    expect(run.code).toBe(1)
    expectBuilt(root)
  })

  it('JSON that is not a notebook', async () => {
    const root = courseWith({'week-1/02-list.ipynb': '[1, 2, 3]'})
    const run = await runBuild(root)
    expectPinned(run, {ruleId: 'notebook-format-unsupported', severity: 'error', file: 'week-1/02-list.ipynb', message: 'The file is JSON but not a notebook: its top level is an array, not an object'})
    expect(run.code).toBe(1)
    expectBuilt(root)
  })

  it('invalid UTF-8 in a Markdown page: a warning at the first bad byte, the page built with U+FFFD', async () => {
    const bytes = Buffer.concat([Buffer.from('# Café\n\nPrix: 5 '), Buffer.from([0x80, 0xe9]), Buffer.from(' (Latin-1)\n')])
    const root = courseWith({'week-1/02-latin1.md': bytes})
    const run = await runBuild(root)
    expectPinned(run, {ruleId: 'text-encoding-invalid', severity: 'warning', file: 'week-1/02-latin1.md', place: '3:9', message: 'The file is not valid UTF-8: bytes that cannot be decoded are shown as �'})
    expect(run.code).toBe(0)
    expectBuilt(root, 'week-1/02-latin1.html')
    expect(readFileSync(join(root, 'dist/week-1/02-latin1.html'), 'utf8')).toContain('Prix: 5 �� (Latin-1)')
  })

  it('invalid UTF-8 inside a notebook string', async () => {
    const text = notebook([markdownCell('a', '# Résumé PLACEHOLDER')])
    const [before, after] = text.split('PLACEHOLDER')
    const root = courseWith({'week-1/02-bytes.ipynb': Buffer.concat([Buffer.from(before!), Buffer.from([0xc3, 0x28]), Buffer.from(after!)])})
    const run = await runBuild(root)
    const found = expectPinned(run, {ruleId: 'text-encoding-invalid', severity: 'warning', file: 'week-1/02-bytes.ipynb', message: 'The file is not valid UTF-8: bytes that cannot be decoded are shown as �'})
    expect(found.place).toMatch(/^1:\d+$/)
    expect(run.code).toBe(0)
    expectBuilt(root, 'week-1/02-bytes.html')
  })
})

describe('huge input', () => {
  it('a notebook of 10,000 cells', async () => {
    const cells = Array.from({length: 10_000}, (_, i) =>
      i % 2 === 0 ? markdownCell(`m${i}`, `Step ${i}: *think*.`) : codeCell(`c${i}`, `x = ${i}`, [{output_type: 'stream', name: 'stdout', text: `${i}\n`}], i),
    )
    const root = courseWith({'week-1/02-long.ipynb': notebook(cells)})
    const run = await runBuild(root)
    expect(run.diagnostics).toEqual([])
    expect(run.code).toBe(0)
    expectBuilt(root, 'week-1/02-long.html')
    const html = readFileSync(join(root, 'dist/week-1/02-long.html'), 'utf8')
    expect(html).toContain('id="cell-10000"')
  }, 120_000)

  it('a 50 MB notebook (three 12.5 MB images) is built with the images as files, not inlined', async () => {
    const image = Buffer.alloc(12_500_000, 0x5a)
    image.set(Buffer.from('89504e470d0a1a0a', 'hex'))
    const outputs = (i: number) => {
      image[8] = i
      return [{output_type: 'display_data', metadata: {}, data: {'image/png': image.toString('base64'), 'text/plain': '<Figure>'}}]
    }
    const json = notebook([0, 1, 2].map((i) => codeCell(`c${i}`, 'plot()', outputs(i), i + 1)))
    expect(json.length).toBeGreaterThan(50_000_000)
    const root = courseWith({'week-1/02-big.ipynb': json})
    const run = await runBuild(root, ['--no-cache'])
    expect(run.diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
    expect(run.code).toBe(0)
    expectBuilt(root, 'week-1/02-big.html')
    expect(statSync(join(root, 'dist/week-1/02-big.html')).size).toBeLessThan(200_000)
    const images = siteFiles(root).filter((f) => f.startsWith('week-1/02-big_files/') && f.endsWith('.png'))
    expect(images).toHaveLength(3)
  }, 120_000)

  it('a single output line of 5 MB', async () => {
    const line = 'abcdefghij'.repeat(500_000)
    const root = courseWith({'week-1/02-wide.ipynb': notebook([codeCell('a', 'print(s)', [{output_type: 'stream', name: 'stdout', text: line}])])})
    const run = await runBuild(root)
    expect(run.diagnostics).toEqual([])
    expect(run.code).toBe(0)
    expect(readFileSync(join(root, 'dist/week-1/02-wide.html'), 'utf8')).toContain(line)
  })

  it('10,000 nested blockquotes: an error, the text shown as written, and every other page built', async () => {
    const root = courseWith({'week-1/02-deep.md': `# Deep\n\n${'>'.repeat(10_000)} the bottom\n`})
    const run = await runBuild(root)
    expectPinned(run, {ruleId: 'content-too-deep', severity: 'error', file: 'week-1/02-deep.md', place: '3:1', message: 'Blockquotes or lists are nested more than 100 levels deep, too deep to render; the text is shown as it was written'})
    expect(run.code).toBe(1)
    expectBuilt(root, 'week-1/02-deep.html')
    const html = readFileSync(join(root, 'dist/week-1/02-deep.html'), 'utf8')
    expect(html).toContain(`${'>'.repeat(10_000)} the bottom`)
    expect(html).not.toContain('<blockquote>')
  })

  it('a list nested 1,000 levels deep by indentation (which takes the Markdown parser most of a minute)', async () => {
    const list = Array.from({length: 1000}, (_, i) => `${' '.repeat(2 * i)}- level ${i + 1}`).join('\n')
    const root = courseWith({'week-1/02-indented.md': `# Indented\n\n${list}\n`})
    const run = await runBuild(root)
    expectPinned(run, {ruleId: 'content-too-deep', severity: 'error', file: 'week-1/02-indented.md', place: '104:1', message: 'Blockquotes or lists are nested more than 100 levels deep, too deep to render; the text is shown as it was written'})
    expect(run.code).toBe(1)
    expectBuilt(root, 'week-1/02-indented.html')
  })

  it('emphasis nested 3,000 deep: rendering runs out of stack, which is reported as too deep, not as a crash', async () => {
    const root = courseWith({'week-1/02-emphasis.md': `# Emphasis\n\n${'*'.repeat(3000)}x${'*'.repeat(3000)}\n`})
    const run = await runBuild(root, ['--no-cache'])
    expectPinned(run, {ruleId: 'content-too-deep', severity: 'error', file: 'week-1/02-emphasis.md', message: 'The page is nested too deeply to render (the renderer ran out of stack)'})
    expect(run.diagnostics.filter((d) => d.ruleId === 'render-failed')).toEqual([])
    expect(run.code).toBe(1)
    expectBuilt(root)
  }, 120_000)

  it('JSON nested 100,000 deep in an output', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    const json = notebook([codeCell('a', 'x', [{output_type: 'display_data', metadata: {}, data: {'application/json': 'DEEP'}}])]).replace('"DEEP"', deep)
    const root = courseWith({'week-1/02-deep-json.ipynb': json})
    const run = await runBuild(root)
    expectPinned(run, {ruleId: 'content-too-deep', severity: 'error', file: 'week-1/02-deep-json.ipynb', message: 'The notebook is nested too deeply to read (coursebook ran out of stack)'})
    expect(run.code).toBe(1)
    expectBuilt(root)
  })

  it('10,000 nested blockquotes in a notebook cell', async () => {
    const root = courseWith({'week-1/02-deep.ipynb': notebook([markdownCell('a', '# Deep'), markdownCell('b', `${'> '.repeat(10_000)}bottom`)])})
    const run = await runBuild(root)
    expectPinned(run, {ruleId: 'content-too-deep', severity: 'error', file: 'week-1/02-deep.ipynb', message: 'Blockquotes or lists are nested more than 100 levels deep, too deep to render; the text is shown as it was written'})
    expect(run.code).toBe(1)
    expectBuilt(root, 'week-1/02-deep.html')
  })
})

// Every control character but tab, newline and carriage return, and DEL and the C1 block's ends.
const CONTROLS = '\x00\x01\x07\x08\x0b\x0c\x1b[31m\x7f\x80\x9b\x9f'

describe('a TikZ diagram that never finishes', () => {
  it('is stopped at `tikz.timeout` with a warning; the page shows its source and the build goes on', async () => {
    const config = `export default {code: 'BAD1', title: 'Bad input course', tikz: {engine: 'tikzjax', timeout: 1}}\n`
    const root = courseWith({'week-1/02-forever.md': '# Forever\n\n```tikz alt="A loop"\n\\def\\forever{\\forever}\\forever\n\\draw (0,0) -- (1,1);\n```\n'}, config)
    const run = await runBuild(root, ['--no-cache'])
    expectPinned(run, {ruleId: 'tikz-timeout', severity: 'warning', file: 'week-1/02-forever.md', place: '4:1', message: 'TikZ diagram took longer than 1 s to render and was stopped'})
    expect(run.code).toBe(0)
    expectBuilt(root, 'week-1/02-forever.html')
    expect(readFileSync(join(root, 'dist/week-1/02-forever.html'), 'utf8')).toContain('\\def\\forever{\\forever}\\forever')
  }, 120_000)
})

describe('control characters never reach the site', () => {
  it('in Markdown text, a heading, link and image text, code, and the front matter title', async () => {
    const page = [
      '---',
      `title: "Title ${CONTROLS.replace('\x00', '\\0').replace('\x1b', '\\e')} end"`,
      `summary: "x\\x01y"`,
      '---',
      `## Heading ${CONTROLS} end`,
      '',
      `Text ${CONTROLS} end, [link ${CONTROLS}](https://example.org "title ${CONTROLS}") and ![alt ${CONTROLS}](https://example.org/a.png).`,
      '',
      `\`inline ${CONTROLS}\``,
      '',
      '```python',
      `x = "${CONTROLS}"`,
      '```',
      '',
      `<span title="${CONTROLS}">raw ${CONTROLS}</span>`,
      '',
    ].join('\n')
    const root = courseWith({'week-1/02-controls.md': page})
    const run = await runBuild(root)
    expectPinned(run, {
      ruleId: 'control-characters',
      severity: 'warning',
      file: 'week-1/02-controls.md',
      place: '5:12',
      message: 'The page contains 111 control characters (U+0000, U+0001, U+0007, …), invisible in most editors; they were removed (NUL is shown as �)',
    })
    expect(run.code).toBe(0)
    expectBuilt(root, 'week-1/02-controls.html')
    expectNoControlCharacters(root)
    const html = readFileSync(join(root, 'dist/week-1/02-controls.html'), 'utf8')
    expect(html).toContain('<title>Title ')
    expect(html).toContain('Text �[31m end')
  })

  it('in notebook cell sources, outputs, raw cells, metadata and the title', async () => {
    const cells = [
      markdownCell('a', `---\ntitle: "Notebook \\x07 title"\n---\n# Heading ${CONTROLS}\n\nText ${CONTROLS}`),
      codeCell('b', `print("${CONTROLS}")`, [
        {output_type: 'stream', name: 'stdout', text: `\x1b[1;31mred\x1b[0m stream ${CONTROLS}\n`},
        {output_type: 'error', ename: `Err${CONTROLS}`, evalue: `bad ${CONTROLS}`, traceback: [`\x1b[31mTraceback ${CONTROLS}\x1b[0m`]},
        {output_type: 'display_data', metadata: {'image/png': {alt: `alt ${CONTROLS}`}}, data: {'text/html': `<p title="${CONTROLS}">html ${CONTROLS}</p>`}},
        {output_type: 'execute_result', execution_count: 1, metadata: {}, data: {'text/markdown': `**md** ${CONTROLS}`, 'text/plain': 'x'}},
        {output_type: 'execute_result', execution_count: 1, metadata: {}, data: {'text/plain': `plain ${CONTROLS}`}},
        {output_type: 'display_data', metadata: {}, data: {'application/json': {key: `json ${CONTROLS}`}}},
      ]),
      {cell_type: 'raw', id: 'c', metadata: {format: 'text/html'}, source: `<b>raw ${CONTROLS}</b>`},
    ]
    const root = courseWith({'week-1/02-controls.ipynb': notebook(cells, {coursebook: {study_time: 5}})})
    const run = await runBuild(root)
    const found = expectPinned(run, {
      ruleId: 'control-characters',
      severity: 'warning',
      file: 'week-1/02-controls.ipynb',
      message: 'The page contains 90 control characters (U+0000, U+0001, U+0007, …), invisible in most editors; they were removed',
    })
    expect(found.place).toMatch(/^cell 1/)
    expect(run.code).toBe(0)
    expectBuilt(root, 'week-1/02-controls.html')
    expectNoControlCharacters(root)
    const html = readFileSync(join(root, 'dist/week-1/02-controls.html'), 'utf8')
    // Terminal colours still work: the ANSI codes became spans, the rest of the escape was dropped.
    expect(html).toContain('<span class="ansi-red-fg ansi-bold">red</span>')
    expect(html).toContain('<title>Notebook  title · BAD1 Bad input course</title>')
  })

  it('in a unit title and in file names', async () => {
    const root = courseWith({
      'week-1/_unit.yml': 'title: "Week \\x01one\\x1b"\nlearning_outcomes: ["read \\x07 well"]\n',
      'week-1/02-bell\x07name.md': 'Body text.\n',
    })
    const run = await runBuild(root)
    expectPinned(run, {ruleId: 'control-characters', severity: 'warning', file: 'week-1/_unit.yml', message: 'The unit metadata contains control characters, invisible in most editors; they were removed'})
    expect(run.code).toBe(0)
    expectBuilt(root, 'week-1/02-bell-name.html')
    expectNoControlCharacters(root)
    expect(readFileSync(join(root, 'dist/week-1/index.html'), 'utf8')).toContain('<h1>Week one</h1>')
  })
})

describe('paths', () => {
  it('an image, link and raw HTML pointing outside the content folder are refused, and nothing is copied', async () => {
    const root = courseWith({
      'week-1/02-escape.md': [
        '# Escape',
        '',
        '![secrets](../../../etc/passwd)',
        '',
        '[also](../../../../../../../etc/passwd)',
        '',
        '<img src="../../../etc/passwd" alt="raw">',
        '',
      ].join('\n'),
    })
    const run = await runBuild(root)
    for (const [place, url] of [['3:1', '../../../etc/passwd'], ['5:1', '../../../../../../../etc/passwd'], ['7:1', '../../../etc/passwd']] as const) {
      expectPinned(run, {ruleId: 'path-outside-content', severity: 'error', file: 'week-1/02-escape.md', place, message: `"${url}" points outside the content folder and is not published`})
    }
    expect(run.code).toBe(1)
    expectBuilt(root, 'week-1/02-escape.html')
    const passwd = readFileSync('/etc/passwd', 'utf8')
    for (const file of siteFiles(root)) {
      expect(file).not.toMatch(/passwd/)
      expect(readFileSync(join(root, 'dist', file), 'latin1').includes(passwd.slice(0, 40)), file).toBe(false)
    }
    expect(readFileSync(join(root, 'dist/week-1/02-escape.html'), 'utf8')).not.toContain('etc/passwd')
  })

  it('a symbolic link inside the course that points outside it is refused too', async () => {
    const root = courseWith({'week-1/02-link.md': '# Link\n\n![leak](images/leak.png)\n'})
    mkdirSync(join(root, 'content/week-1/images'))
    symlinkSync('/etc/passwd', join(root, 'content/week-1/images/leak.png'))
    const run = await runBuild(root)
    expectPinned(run, {ruleId: 'path-outside-content', severity: 'error', file: 'week-1/02-link.md', place: '3:1', message: '"images/leak.png" points outside the content folder and is not published'})
    expect(run.code).toBe(1)
    expect(siteFiles(root).filter((f) => f.includes('leak'))).toEqual([])
  })

  it('a course intro or unit metadata that is a symbolic link is not read, so what it points to is not published', async () => {
    const root = courseWith({})
    const outside = join(root, 'private.yml')
    writeFileSync(outside, 'title: SECRET-UNIT-TITLE\n')
    symlinkSync('/etc/passwd', join(root, 'content/index.md'))
    symlinkSync(outside, join(root, 'content/week-1/_unit.yml'))
    const run = await runBuild(root)
    expectPinned(run, {ruleId: 'path-ignored', severity: 'info', file: 'content/index.md', message: 'index.md is a symbolic link and was not followed'})
    expectPinned(run, {ruleId: 'path-ignored', severity: 'info', file: 'week-1/_unit.yml', message: '_unit.yml is a symbolic link and was not followed'})
    expect(run.code).toBe(0)
    const passwd = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!
    for (const file of siteFiles(root)) {
      const text = readFileSync(join(root, 'dist', file), 'latin1')
      expect(text.includes(passwd), file).toBe(false)
      expect(text.includes('SECRET-UNIT-TITLE'), file).toBe(false)
    }
  })

  it('symbolic link loops are skipped with a note, and the rest of the course builds', async () => {
    const root = courseWith({})
    const unit = join(root, 'content/week-1')
    symlinkSync(join(unit, 'loop'), join(unit, 'loop'))
    symlinkSync('b.md', join(unit, 'a.md'))
    symlinkSync('a.md', join(unit, 'b.md'))
    mkdirSync(join(unit, 'sub'))
    symlinkSync(unit, join(unit, 'sub', 'up'))
    const run = await runBuild(root)
    expectPinned(run, {ruleId: 'path-ignored', severity: 'info', file: 'week-1/loop', message: 'loop is a symbolic link that cannot be resolved'})
    expectPinned(run, {ruleId: 'path-ignored', severity: 'info', file: 'week-1/a.md', message: 'a.md is a symbolic link that cannot be resolved'})
    expectPinned(run, {ruleId: 'path-ignored', severity: 'info', file: 'week-1/sub/up', message: 'up is a symbolic link to a folder and was not followed'})
    expect(run.code).toBe(0)
    expectBuilt(root)
  })

  it('duplicate page slugs: a warning, and the second page gets a suffix', async () => {
    const root = courseWith({'week-1/02 Intro.md': '# One\n', 'week-1/02-intro.md': '# Two\n', 'week-1/02_intro.ipynb': notebook([markdownCell('a', '# Three')])})
    const run = await runBuild(root)
    expectPinned(run, {ruleId: 'page-slug-duplicate', severity: 'warning', file: 'week-1/02-intro.md', message: '02-intro.md has the same URL as another page (02-intro.html); it was given a suffix'})
    expectPinned(run, {ruleId: 'page-slug-duplicate', severity: 'warning', file: 'week-1/02_intro.ipynb', message: '02_intro.ipynb has the same URL as another page (02-intro.html); it was given a suffix'})
    expect(run.code).toBe(0)
    expectBuilt(root, 'week-1/02-intro.html', 'week-1/02-intro-2.html', 'week-1/02-intro-3.html')
    const titles = ['02-intro.html', '02-intro-2.html', '02-intro-3.html'].map((f) => /<h1>(.*?)<\/h1>/.exec(readFileSync(join(root, 'dist/week-1', f), 'utf8'))?.[1])
    expect(titles.sort()).toEqual(['One', 'Three', 'Two'])
  })
})

describe('config', () => {
  it('a site.config.ts that throws: an error naming the file and line, nothing written, the previous site kept', async () => {
    const root = courseWith({})
    expect((await runBuild(root)).code).toBe(0)
    const before = readFileSync(join(root, 'dist/index.html'))
    writeFileSync(join(root, 'site.config.ts'), `const code = 'BAD1'\nthrow new Error('no course code for ' + code)\nexport default {code, title: 'x'}\n`)
    const run = await runBuild(root)
    expectPinned(run, {ruleId: 'config-load-failed', severity: 'error', file: 'site.config.ts', place: '2:7', message: `Loading ${join(root, 'site.config.ts')} threw: no course code for BAD1`})
    expect(run.stderr).toContain('Nothing was written.')
    expect(run.code).toBe(1)
    expect(readFileSync(join(root, 'dist/index.html'))).toEqual(before)
  })

  it('a config function that rejects', async () => {
    const root = courseWith({}, `export default async () => { throw new TypeError('cannot read the presentation') }\n`)
    const run = await runBuild(root)
    expectPinned(run, {ruleId: 'config-load-failed', severity: 'error', file: 'site.config.ts', message: `Loading ${join(root, 'site.config.ts')} threw: cannot read the presentation`})
    expect(run.code).toBe(1)
    expect(existsSync(join(root, 'dist'))).toBe(false)
  })
})

// Last, so that it sees the messages every case above pinned (vitest runs a file's tests in order).
describe('docs/content/04-reference/03-bad-input.md', () => {
  it('lists every pinned message and rule id of the cases that ran', () => {
    const docs = readFileSync(join(projectRoot, 'docs/content/04-reference/03-bad-input.md'), 'utf8')
    for (const {ruleId, message} of documented) {
      expect(docs, ruleId).toContain(`\`${ruleId}\``)
      // Messages naming temporary paths are documented in their general form.
      if (!message.includes('/tmp/')) expect(docs, message).toContain(message.replaceAll('|', '\\|'))
    }
  })
})
