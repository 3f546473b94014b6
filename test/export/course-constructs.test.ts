import {beforeAll, describe, expect, it} from 'vitest'
import {cpSync, existsSync, mkdirSync, readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import type {Element} from 'xml-js'
import {build, type BuildResult} from '../../src/pipeline/run.js'
import {configFromObject} from '../../src/config/load.js'
import {projectRoot} from '../sites/helpers.js'
import {all, baseConfig, first, kids, names, notebook, parseXml, textOf, writeCourse} from './ouxml/helpers.js'

const shared = resolve(projectRoot, '../shared')
const schema = join(shared, 'ouxml-schema/OUIntermediateSchema.xsd')
const tagsDocs = join(shared, 'fixtures/myst/innovationOUtside__sphinxcontrib-ou-xml-tags/docs')
const tagsReference = join(shared, 'fixtures/ouxml/sphinxcontrib-ou-xml-tags__gh-pages__index.xml')

/** A page with every construct the course transform makes. */
const constructs = [
  '# Every construct',
  '',
  '````{ou-activity} Activity 1',
  ':timing: 15 minutes',
  ':label: act-one',
  'Sketch the tank.',
  '',
  '```{ou-answer}',
  'Water flows in at the top.',
  '```',
  '',
  '```{ou-discussion}',
  'Did you show the overflow?',
  '```',
  '````',
  '',
  '````{ou-exercise} Exercise 1',
  'Compute 2 + 2.',
  '',
  '```{ou-answer}',
  'Four.',
  '```',
  '````',
  '',
  '```{ou-saq} Question 1',
  'Is 7 prime?',
  '```',
  '',
  '````{ou-itq}',
  'Name a prime.',
  '',
  '```{ou-answer}',
  'Two.',
  '```',
  '',
  '```{ou-discussion}',
  'Any prime will do.',
  '```',
  '````',
  '',
  '```{exercise} Factorial',
  ':label: fact',
  'Write factorial.',
  '```',
  '',
  '```{solution} fact',
  'SOLUTION-TEXT recursion.',
  '```',
  '',
  '````{ou-interaction} single-choice',
  'Which planet is largest?',
  '',
  '- [ ] Mars',
  '',
  '  Smaller than Earth.',
  '- [x] Jupiter',
  '- [ ] Venus',
  '````',
  '',
  '`````{ou-activity} Activity 2',
  ':timing: 1 hour',
  'Answer both.',
  '',
  '```{ou-interaction} multiple-choice',
  'Which are even?',
  '',
  '- [x] 2',
  '- [ ] 3',
  '```',
  '',
  '```{ou-interaction} free-response',
  ':size: single line',
  'Why?',
  '```',
  '',
  '```{ou-discussion}',
  'Even numbers divide by two.',
  '```',
  '`````',
  '',
  '```{ou-audio} media/intro.mp3',
  'An introduction.',
  '',
  'Recorded in 2024.',
  '```',
  '',
  '```{ou-video} media/clip.mp4',
  ':width: 640',
  ':height: 360',
  'A clip.',
  '```',
  '',
  '```{youtube} PmxZywVwhP8',
  '```',
  '',
  '```{ou-html5} media/app.zip',
  '```',
  '',
  '```{ou-mol3d} pdb:1ubq',
  ':height: 500',
  '```',
  '',
  '```{ou-where-next}',
  'Go on to the next week.',
  '```',
  '',
  '```{tutor}',
  'TUTOR-NOTE for markers.',
  '```',
  '',
  '```{ou-codestyle} python',
  'print("hello")',
  '```',
].join('\n')

const cells = notebook([
  {cell_type: 'markdown', source: '# A notebook'},
  {cell_type: 'markdown', source: 'Plot the data.', metadata: {activity: true}},
  {cell_type: 'code', source: 'df.plot()', metadata: {tags: ['activity']}, outputs: [], execution_count: null},
  {cell_type: 'markdown', source: 'Use `df.plot()`.', metadata: {tags: ['alert-success']}},
  {cell_type: 'markdown', source: 'Save first.', metadata: {tags: ['alert-danger']}},
  {cell_type: 'markdown', source: 'A lone answer.', metadata: {tags: ['alert-success']}},
])

const media = {
  'week-1/media/intro.mp3': new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]),
  'week-1/media/clip.mp4': new Uint8Array([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70]),
  'week-1/media/app.zip': new Uint8Array([0x50, 0x4b, 5, 6, ...new Array<number>(18).fill(0)]),
}

async function exportCourse(audience: 'student' | 'tutor'): Promise<{result: BuildResult; item: Element}> {
  const root = writeCourse({'week-1/01-constructs.md': constructs, 'week-1/02-notebook.ipynb': cells, ...media})
  const config = configFromObject({...baseConfig, audience, ouxml: {mediaPathPrefix: 'https://media.example/'}}, root)
  const result = await build({config, cache: false, outputs: {html: false}, ouxml: existsSync(schema) ? {schema} : {}})
  return {result, item: parseXml(readFileSync(join(result.outPath, 'week-1.xml'), 'utf8'))}
}

describe('OU-XML of the course constructs', () => {
  let student: {result: BuildResult; item: Element}
  let tutor: {result: BuildResult; item: Element}
  beforeAll(async () => {
    student = await exportCourse('student')
    tutor = await exportCourse('tutor')
  }, 120_000)

  it.skipIf(!existsSync(schema))('is valid against the OU schema, in a student and a tutor build', () => {
    expect(student.result.ouxml!.validation).toEqual({schema, errors: 0})
    expect(tutor.result.ouxml!.validation).toEqual({schema, errors: 0})
    expect(student.result.diagnostics.filter((d) => d.ruleId.startsWith('ouxml-'))).toEqual([])
  })

  it('writes activities with their parts in the order the schema asks', () => {
    const titled = (title: string) => all(student.item, 'Activity').find((a) => textOf(first(a, 'Heading')) === title)
    const activity1 = titled('Activity 1')
    const activity2 = titled('Activity 2')
    expect(names(activity1)).toEqual(['Heading', 'Timing', 'Question', 'Answer', 'Discussion'])
    expect(textOf(first(activity1, 'Timing'))).toBe('15 minutes')
    expect(activity1!.attributes?.id).toBe('X_week-1.01-constructs_act-one')
    expect(names(activity2)).toEqual(['Heading', 'Timing', 'Question', 'Interaction', 'Discussion'])
    expect(names(first(activity2, 'Interaction'))).toEqual(['MultipleChoice', 'FreeResponse'])
    expect(first(activity2, 'FreeResponse')!.attributes).toMatchObject({size: 'single line'})
    expect(textOf(first(activity2, 'Question'))).toBe('Answer both.Which are even?Why?')
    const exercises = all(student.item, 'Exercise')
    expect(exercises.map(names)).toEqual([
      ['Heading', 'Question', 'Answer'],
      ['Heading', 'Question'],
    ])
    expect(names(first(student.item, 'SAQ'))).toEqual(['Heading', 'Question'])
    // An ITQ has no Discussion: its discussion joins the answer.
    expect(names(first(student.item, 'ITQ'))).toEqual(['Question', 'Answer'])
    expect(textOf(first(first(student.item, 'ITQ'), 'Answer'))).toBe('Two.Any prime will do.')
  })

  it('writes a standalone interaction as an activity, with right and wrong options and their feedback', () => {
    const single = first(student.item, 'SingleChoice')!
    expect(names(single)).toEqual(['Wrong', 'Right', 'Wrong'])
    expect(names(kids(single)[0])).toEqual(['Paragraph', 'Feedback'])
    expect(textOf(first(kids(single)[0], 'Feedback'))).toBe('Smaller than Earth.')
    const holder = all(student.item, 'Activity').find((a) => first(a, 'SingleChoice'))!
    expect(names(holder)).toEqual(['Question', 'Interaction'])
  })

  it('writes media as MediaContent of the right type, files packaged after the media prefix', () => {
    const contents = all(student.item, 'MediaContent').map((m) => m.attributes)
    expect(contents).toEqual([
      {type: 'audio', src: 'https://media.example/week-1/media/intro.mp3'},
      {type: 'video', src: 'https://media.example/week-1/media/clip.mp4', width: '640', height: '360'},
      {type: 'oembed', src: 'https://youtu.be/PmxZywVwhP8'},
      {type: 'html5', src: 'https://media.example/week-1/media/app.zip', width: '*', height: '400'},
      {type: 'html5', src: expect.stringMatching(/^https:\/\/media\.example\/week-1\/01-constructs_files\/[0-9a-f]{12}\.zip$/), width: '*', height: '500'},
    ])
    const audio = first(student.item, 'MediaContent')!
    expect(names(audio)).toEqual(['Caption', 'Description'])
    expect(textOf(first(audio, 'Caption'))).toBe('An introduction.')
    const files = student.result.ouxml!.entries.map((e) => e.outPath)
    expect(files).toEqual(expect.arrayContaining(['week-1/media/intro.mp3', 'week-1/media/clip.mp4', 'week-1/media/app.zip']))
    expect(files.some((f) => /^week-1\/01-constructs_files\/[0-9a-f]{12}\.zip$/.test(f))).toBe(true)
  })

  it('writes boxes, notebook conventions and styled code', () => {
    const headings = all(student.item, 'Box').map((box) => textOf(first(box, 'Heading')))
    expect(headings).toEqual(['Where next?', 'Warning', 'Answer'])
    const notebookActivity = all(student.item, 'Activity').at(-1)!
    expect(names(notebookActivity)).toEqual(['Question', 'Answer'])
    expect(textOf(first(notebookActivity, 'Answer'))).toContain('df.plot()')
    expect(all(student.item, 'ProgramListing').map(textOf)).toContain('print("hello")')
  })

  it('leaves tutor content out of the student build, and puts it in the tutor build', () => {
    const studentXml = readFileSync(join(student.result.outPath, 'week-1.xml'), 'utf8')
    const tutorXml = readFileSync(join(tutor.result.outPath, 'week-1.xml'), 'utf8')
    for (const secret of ['SOLUTION-TEXT', 'TUTOR-NOTE']) {
      expect(studentXml).not.toContain(secret)
      expect(tutorXml).toContain(secret)
    }
    const factorial = all(tutor.item, 'Exercise')[1]!
    expect(names(factorial)).toEqual(['Heading', 'Question', 'Answer'])
    expect(all(tutor.item, 'Box').map((box) => textOf(first(box, 'Heading')))).toContain('Tutor only')
  })
})

/** The elements compared with the OU toolchain's export of the same book. */
const COUNTED = ['Activity', 'Exercise', 'Answer', 'Discussion', 'Timing', 'MediaContent'] as const

function counts(item: Element): Record<(typeof COUNTED)[number], number> {
  return Object.fromEntries(COUNTED.map((name) => [name, all(item, name).length])) as Record<(typeof COUNTED)[number], number>
}

describe.skipIf(!existsSync(tagsDocs) || !existsSync(tagsReference))('the sphinxcontrib-ou-xml-tags docs, compared with the OU toolchain\'s OU-XML', () => {
  it('produces the activities, answers, discussions and media the reference has', async () => {
    const root = writeCourse({})
    const unit = join(root, 'content', '01-tags')
    mkdirSync(unit, {recursive: true})
    const chapters = ['ou_audio.md', 'ou_video.md', 'ou_activities.md', 'ou_codestyle.md', 'ou_html5.md', 'ou_mol3d.md', 'generating_ouxml.md']
    chapters.forEach((file, i) => cpSync(join(tagsDocs, file), join(unit, `${String(i + 1).padStart(2, '0')}-${file}`)))
    cpSync(join(tagsDocs, 'resources'), join(unit, 'resources'), {recursive: true})
    const result = await build({config: configFromObject(baseConfig, root), cache: false, outputs: {html: false}, ouxml: existsSync(schema) ? {schema} : {}})
    const ours = counts(parseXml(readFileSync(join(result.outPath, '01-tags.xml'), 'utf8')))
    const theirs = counts(parseXml(readFileSync(tagsReference, 'utf8')))
    console.log(`element: coursebook / reference\n${COUNTED.map((name) => `${name}: ${ours[name]} / ${theirs[name]}`).join('\n')}`)
    if (existsSync(schema)) expect(result.ouxml!.validation).toEqual({schema, errors: 0})
    expect(ours).toEqual({...theirs, MediaContent: theirs.MediaContent - 1})
    // The one MediaContent fewer: {ou-codestyle} is a highlighted code block (a ProgramListing) here, an HTML5 package there.
    expect(theirs.MediaContent).toBe(4)
  }, 120_000)
})
