import {beforeAll, describe, expect, it} from 'vitest'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {unzipSync} from 'fflate'
import {build, type BuildResult} from '../../src/pipeline/run.js'
import {configFromObject} from '../../src/config/load.js'
import {configDigest} from '../../src/cache/config-digest.js'
import {main} from '../../src/cli/index.js'
import type {Output} from '../../src/cli/output.js'
import {siteFiles, tempCourse} from '../sites/helpers.js'
import {notebook} from './ouxml/helpers.js'

/** Text that only tutors may ever see, one per way of marking it. */
const SECRETS = {
  mystSolution: 'SECRET-MYST-SOLUTION',
  tutorBlock: 'SECRET-TUTOR-BLOCK',
  gatedPage: 'SECRET-GATED-PAGE',
  taggedCell: 'SECRET-TAGGED-CELL',
  cellSolution: 'SECRET-CELL-SOLUTION',
  tutorCell: 'SECRET-TUTOR-CELL',
  gatedCell: 'SECRET-GATED-CELL',
}

const page = [
  '# Exercises',
  '',
  '```{exercise} Factorial',
  ':label: fact',
  'Write `factorial(n)`.',
  '```',
  '',
  '````{solution} fact',
  `${SECRETS.mystSolution}: use recursion.`,
  '```python',
  'def factorial(n): return 1 if n < 2 else n * factorial(n - 1)',
  '```',
  '````',
  '',
  ':::{tutor}',
  `${SECRETS.tutorBlock}: accept any method.`,
  ':::',
  '',
  '```{solution-start} fact',
  '```',
  '',
  `${SECRETS.gatedPage} in the gated solution.`,
  '',
  '```{solution-end}',
  '```',
  '',
  'Visible to everyone.',
].join('\n')

const cells = notebook([
  {cell_type: 'markdown', source: '# A notebook\n\nFind the mean.'},
  {cell_type: 'code', source: `mean = sum(xs) / len(xs)  # ${SECRETS.taggedCell}`, metadata: {tags: ['solution']}, outputs: [], execution_count: null},
  {cell_type: 'markdown', source: `Check your result.\n\n\`\`\`{solution}\n${SECRETS.cellSolution}\n\`\`\`\n`},
  {cell_type: 'markdown', source: `${SECRETS.tutorCell} marking note.`, metadata: {tags: ['tutor-only']}},
  {cell_type: 'markdown', source: '```{solution-start}\n```'},
  {cell_type: 'code', source: `print("${SECRETS.gatedCell}")`, outputs: [{output_type: 'stream', name: 'stdout', text: `${SECRETS.gatedCell}\n`}], execution_count: 1},
  {cell_type: 'markdown', source: '```{solution-end}\n```\nThe end.'},
])

/** Every file of a built site as text, zip archives (the OU-XML packages) opened, by path. */
function everyText(outPath: string): Map<string, string> {
  const texts = new Map<string, string>()
  for (const [path, bytes] of siteFiles(outPath)) {
    texts.set(path, bytes.toString('utf8'))
    if (path.endsWith('.zip')) {
      for (const [inner, data] of Object.entries(unzipSync(new Uint8Array(bytes)))) texts.set(`${path}!${inner}`, Buffer.from(data).toString('utf8'))
    }
  }
  return texts
}

function leaks(texts: Map<string, string>): string[] {
  return [...texts].flatMap(([path, text]) => Object.values(SECRETS).filter((secret) => text.includes(secret)).map((secret) => `${secret} in ${path}`))
}

describe('a student build carries no tutor content in any file; a tutor build carries it all', () => {
  let course: ReturnType<typeof tempCourse>
  let student: BuildResult
  let tutor: BuildResult
  beforeAll(async () => {
    course = tempCourse('cb-audience-')
    course.write('week-1/01-exercises.md', page)
    course.write('week-1/02-notebook.ipynb', cells)
    const config = (audience: 'student' | 'tutor') => configFromObject({code: 'AUD1', title: 'Audience', audience, binder: {repo: 'org/course'}}, course.root)
    // The page cache is on and shared: a tutor build right after a student build must not reuse its pages, nor the reverse.
    student = await build({config: config('student'), outDir: join(course.root, 'student')})
    tutor = await build({config: config('tutor'), outDir: join(course.root, 'tutor')})
    student = await build({config: config('student'), outDir: join(course.root, 'student-again')})
  }, 120_000)

  it('writes the website, the notebook download and the OU-XML with its zip', () => {
    const files = [...siteFiles(student.outPath).keys()]
    expect(files).toEqual(expect.arrayContaining(['week-1/01-exercises.html', 'week-1/02-notebook.html', 'week-1/02-notebook.ipynb', 'ouxml/week-1.xml', 'ouxml/week-1.zip']))
  })

  it('leaves no trace of any solution or tutor note in the student build', () => {
    const texts = everyText(student.outPath)
    expect(leaks(texts)).toEqual([])
    expect(texts.get('week-1/01-exercises.html')).toContain('Visible to everyone.')
    expect(texts.get('week-1/02-notebook.html')).toContain('The end.')
  })

  it('hands students a cleaned notebook that is still a notebook, and no launch link to the uncleaned one', () => {
    const download = JSON.parse(everyText(student.outPath).get('week-1/02-notebook.ipynb')!) as {nbformat: number; cells: Array<{source: string[] | string}>}
    expect(download.nbformat).toBe(4)
    expect(download.cells.map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source))).toEqual(['# A notebook\n\nFind the mean.', 'Check your result.\n\n', 'The end.'])
    const notebookPage = student.pages.find((p) => p.source.relPath === 'week-1/02-notebook.ipynb')!
    expect(notebookPage.launch).toBeUndefined()
    const withheld = student.diagnostics.filter((d) => d.ruleId === 'launch-withheld')
    expect(withheld.map((d) => d.file?.endsWith('02-notebook.ipynb'))).toEqual([true])
  })

  it('keeps every piece in the tutor build, marked for tutors, with the launch link and the notebook as written', () => {
    const texts = everyText(tutor.outPath)
    const html = [texts.get('week-1/01-exercises.html')!, texts.get('week-1/02-notebook.html')!].join('\n')
    for (const secret of Object.values(SECRETS)) expect(html).toContain(secret)
    expect(html).toContain('Tutor only')
    expect(texts.get('week-1/02-notebook.ipynb')).toBe(cells)
    expect(texts.get('ouxml/week-1.xml')).toContain(SECRETS.mystSolution)
    expect(tutor.pages.find((p) => p.source.relPath === 'week-1/02-notebook.ipynb')!.launch).toBeDefined()
  })

  it('keys the page cache on the audience', () => {
    expect(configDigest(student.config)).not.toBe(configDigest(tutor.config))
    // The student build after the tutor build rendered its pages again rather than reuse the tutor's.
    expect(student.rendered.sort()).toEqual(['week-1/01-exercises.md', 'week-1/02-notebook.ipynb'])
    expect(leaks(everyText(student.outPath))).toEqual([])
  })
})

describe('coursebook build --audience', () => {
  const output = () => {
    const lines: string[] = []
    return {lines, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), progress: () => undefined} satisfies Output & {lines: string[]}
  }

  it('builds for tutors when asked, over the config, and refuses an audience it does not know', async () => {
    const course = tempCourse('cb-audience-cli-')
    writeFileSync(join(course.root, 'site.config.ts'), `export default {code: 'AUD2', title: 'Audience CLI', audience: 'student'}\n`)
    course.write('week-1/01-exercises.md', page)
    const config = join(course.root, 'site.config.ts')
    expect(await main(['build', '--config', config, '--no-cache', '--audience', 'tutor'], output())).toBe(0)
    expect(readFileSync(join(course.root, 'dist/week-1/01-exercises.html'), 'utf8')).toContain(SECRETS.mystSolution)
    expect(await main(['build', '--config', config, '--no-cache'], output())).toBe(0)
    expect(readFileSync(join(course.root, 'dist/week-1/01-exercises.html'), 'utf8')).not.toContain(SECRETS.mystSolution)
    const refused = output()
    expect(await main(['build', '--config', config, '--audience', 'public'], refused)).toBe(1)
    expect(refused.lines).toEqual([expect.stringMatching(/^--audience public is not an audience\. Use one of: student, tutor\b/)])
  }, 60_000)
})
