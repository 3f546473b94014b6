import {describe, expect, it} from 'vitest'
import {toString} from 'mdast-util-to-string'
import {courseMarkdown, nodesOf, rules} from './helpers.js'

describe('course directives: activities and reveals', () => {
  it('makes an activity with its title, timing in minutes, label and answer', () => {
    const {tree} = courseMarkdown(['````{ou-activity} Activity 2', ':timing: 1h 30m', ':label: act-two', '', 'Do something else...', '', '```{ou-answer}', 'Here is the answer.', '```', '````'].join('\n'))
    const [activity] = nodesOf(tree, 'courseActivity')
    expect(activity).toMatchObject({kind: 'activity', title: 'Activity 2', timing: '1h 30m', minutes: 90, label: 'act-two'})
    expect(activity!.children.map((c) => c.type)).toEqual(['paragraph', 'courseReveal'])
    expect(activity!.children[1]).toMatchObject({type: 'courseReveal', kind: 'answer'})
    expect(toString(activity!.children[1]!)).toBe('Here is the answer.')
    expect(nodesOf(tree, 'mystDirective')).toEqual([])
  })

  it('gives each directive its kind: exercise, SAQ, ITQ, and sphinx-exercise exercises', () => {
    const {tree} = courseMarkdown(['```{ou-exercise}', 'E', '```', '', '```{ou-saq} Question 1', 'S', '```', '', '```{ou-itq}', 'I', '```', '', '```{exercise} Factorial', ':label: fact', 'X', '```'].join('\n'))
    expect(nodesOf(tree, 'courseActivity').map((a) => [a.kind, a.title, a.label])).toEqual([
      ['exercise', undefined, undefined],
      ['saq', 'Question 1', undefined],
      ['itq', undefined, undefined],
      ['exercise', 'Factorial', 'fact'],
    ])
  })

  it('keeps a timing it cannot read as text, with an info diagnostic', () => {
    const {tree, file} = courseMarkdown(['```{ou-activity} A', ':timing: a short while', 'Do it.', '```'].join('\n'))
    const [activity] = nodesOf(tree, 'courseActivity')
    expect(activity!.timing).toBe('a short while')
    expect(activity!.minutes).toBeUndefined()
    expect(rules(file)).toEqual(['activity-timing-unreadable'])
    expect(file.messages[0]!.message).toContain('"a short while"')
  })

  it('moves a solution into the exercise it names, for tutors only', () => {
    const markdown = ['```{exercise}', ':label: my-exercise', 'Write factorial.', '```', '', 'Between.', '', '````{solution} my-exercise', "Here's one solution.", '```python', 'def factorial(n): ...', '```', '````'].join('\n')
    const tutor = courseMarkdown(markdown, 'tutor')
    const [exercise] = nodesOf(tutor.tree, 'courseActivity')
    expect(exercise!.children.map((c) => c.type)).toEqual(['paragraph', 'courseReveal'])
    expect(exercise!.children[1]).toMatchObject({kind: 'solution', audience: 'tutor'})
    expect(tutor.outcome.removed).toBe(0)

    const student = courseMarkdown(markdown, 'student')
    expect(student.outcome.removed).toBe(1)
    expect(toString(student.tree)).not.toContain('solution')
    expect(toString(student.tree)).not.toContain('factorial(n)')
    expect(toString(student.tree)).toContain('Between.')
  })

  it('leaves a solution whose exercise is not on the page where it is, and says so', () => {
    const {tree, file} = courseMarkdown(['```{solution} elsewhere', 'Answer.', '```'].join('\n'), 'tutor')
    expect(tree.children[0]).toMatchObject({type: 'courseReveal', kind: 'solution', audience: 'tutor'})
    expect(rules(file)).toEqual(['solution-exercise-missing'])
    expect(file.messages[0]!.message).toContain('"elsewhere"')
  })

  it('turns {tutor} and :::{tutor} blocks into tutor-only boxes', () => {
    const markdown = ['```{tutor}', 'Marking note.', '```', '', ':::{tutor} For tutors', 'Another note.', ':::', '', 'Text.'].join('\n')
    const tutor = courseMarkdown(markdown, 'tutor')
    expect(nodesOf(tutor.tree, 'courseBox').map((b) => [b.kind, b.audience, b.title])).toEqual([
      ['tutor', 'tutor', undefined],
      ['tutor', 'tutor', 'For tutors'],
    ])
    const student = courseMarkdown(markdown, 'student')
    expect(toString(student.tree)).toBe('Text.')
    expect(student.outcome.removed).toBe(2)
  })
})

describe('course directives: interactions', () => {
  it('reads a single-choice question from a task list, feedback after each option', () => {
    const {tree, file} = courseMarkdown(['````{ou-interaction} single-choice', ':label: q-planet', 'Which planet is largest?', '', '- [ ] Mars', '', '  Mars is smaller than Earth.', '- [x] Jupiter', '- [ ] Venus', '````'].join('\n'))
    const [interaction] = nodesOf(tree, 'courseInteraction')
    expect(interaction).toMatchObject({kind: 'single-choice', id: 'q-planet', label: 'q-planet'})
    const choices = interaction!.children.filter((c) => c.type === 'courseChoice')
    expect(choices.map((c) => [c.correct, toString(c.children[0]!)])).toEqual([[false, 'Mars'], [true, 'Jupiter'], [false, 'Venus']])
    expect(choices[0]!.children[1]).toMatchObject({type: 'courseFeedback'})
    expect(toString(choices[0]!.children[1]!)).toBe('Mars is smaller than Earth.')
    expect(rules(file)).toEqual([])
  })

  it('infers the kind: several right options make multiple choice, no list a free response', () => {
    const {tree} = courseMarkdown(['```{ou-interaction}', 'Pick primes.', '', '- [x] 2', '- [x] 3', '- [ ] 4', '```', '', '```{ou-interaction}', ':size: long', 'Explain.', '```'].join('\n'))
    expect(nodesOf(tree, 'courseInteraction').map((i) => [i.kind, i.size, i.id])).toEqual([
      ['multiple-choice', undefined, 'interaction-1'],
      ['free-response', 'long', 'interaction-2'],
    ])
  })

  it('reports questions that do not fit their kind, and shows them in the nearest form', () => {
    const {tree, file} = courseMarkdown(
      ['```{ou-interaction} single-choice', 'Q1', '', '- [x] a', '- [x] b', '```', '', '```{ou-interaction} multiple-choice', 'Q2', '```', '', '```{ou-interaction} quiz', 'Q3', '', '- [ ] a', '```', '', '```{ou-interaction} free-response', ':size: huge', 'Q4', '```'].join('\n'),
    )
    expect(nodesOf(tree, 'courseInteraction').map((i) => i.kind)).toEqual(['multiple-choice', 'free-response', 'multiple-choice', 'free-response'])
    expect(rules(file)).toEqual(['interaction-invalid', 'interaction-invalid', 'interaction-invalid', 'interaction-invalid', 'interaction-invalid'])
    const messages = file.messages.map((m) => m.message).join('\n')
    expect(messages).toContain('has 2 right options')
    expect(messages).toContain('has no options')
    expect(messages).toContain('Unknown interaction kind "quiz"')
    expect(messages).toContain('No option of the interaction is marked right')
    expect(messages).toContain('Unknown free-response size "huge"')
  })
})

describe('course directives: media and boxes', () => {
  it('reads audio with a caption, a description and a transcript, the file as a link for the links stage', () => {
    const {tree} = courseMarkdown(['```{ou-audio} resources/test.mp3', ':transcript: resources/test.txt', 'A caption for an audio file.', '', 'A line of description.', '', 'More description.', '```'].join('\n'))
    const [media] = nodesOf(tree, 'courseMedia')
    expect(media).toMatchObject({kind: 'audio', source: 'resources/test.mp3'})
    expect(media!.children.map((c) => [c.type, c.data?.mediaRole, c.type === 'link' ? c.url : toString(c)])).toEqual([
      ['link', 'file', 'resources/test.mp3'],
      ['link', 'transcript', 'resources/test.txt'],
      ['paragraph', 'caption', 'A caption for an audio file.'],
      ['paragraph', undefined, 'A line of description.'],
      ['paragraph', undefined, 'More description.'],
    ])
  })

  it('normalises YouTube URLs to the video id, and links molecules to the 3Dmol.js viewer', () => {
    const {tree} = courseMarkdown(['```{youtube} https://www.youtube.com/watch?v=PmxZywVwhP8', 'Some text', '```', '', '```{ou-mol3d} pdb:1ubq', ":style: '{\"sphere\":{\"radius\":\"0.5\"}}'", ":background: '0x222222'", ':height: 500', '```'].join('\n'))
    const [video, molecule] = nodesOf(tree, 'courseMedia')
    expect(video).toMatchObject({kind: 'youtube', source: 'PmxZywVwhP8'})
    expect(video!.children[0]).toMatchObject({type: 'link', url: 'https://www.youtube.com/watch?v=PmxZywVwhP8'})
    expect(molecule).toMatchObject({kind: 'mol3d', source: 'pdb:1ubq', style: '{"sphere":{"radius":"0.5"}}', background: '0x222222', height: '500'})
    expect(molecule!.children[0]).toMatchObject({type: 'link', url: 'https://3dmol.csb.pitt.edu/viewer.html?pdb=1ubq'})
  })

  it('keeps the text of a media directive that names nothing, with a warning', () => {
    const {tree, file} = courseMarkdown(['```{ou-video}', 'Orphan caption.', '```'].join('\n'))
    expect(nodesOf(tree, 'courseMedia')).toEqual([])
    expect(toString(tree)).toBe('Orphan caption.')
    expect(rules(file)).toEqual(['media-source-missing'])
  })

  it('refuses a media URL that is neither a file nor http(s), so no script URL reaches the page', () => {
    const {tree, file} = courseMarkdown(['```{ou-audio} javascript:alert(1)', 'Caption.', '```', '', '```{ou-video} clip.mp4', ':transcript: data:text/html,x', '```'].join('\n'))
    expect(nodesOf(tree, 'courseMedia')).toEqual([])
    expect(nodesOf(tree, 'link')).toEqual([])
    expect(rules(file)).toEqual(['media-source-missing', 'media-source-missing'])
    expect(file.messages[0]!.message).toContain('"javascript:alert(1)", which is neither a file nor an http(s) URL')
  })

  it('makes a "Where next?" box, and ou-codestyle a code block in its language', () => {
    const {tree} = courseMarkdown(['```{ou-where-next}', 'Go on to Week 3.', '```', '', '```{ou-codestyle} python', 'def test():', '  print("hello")', '```'].join('\n'))
    expect(tree.children[0]).toMatchObject({type: 'courseBox', kind: 'where-next'})
    expect(tree.children[1]).toMatchObject({type: 'code', lang: 'python', value: 'def test():\n  print("hello")'})
  })
})
