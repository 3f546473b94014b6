import {existsSync, readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {toString} from 'mdast-util-to-string'
import type {Root} from 'mdast'
import {projectRoot} from '../../sites/helpers.js'
import {codeCell, courseMarkdown, courseNotebook, markdownCell, nodesOf} from './helpers.js'

const demo = join(resolve(projectRoot, '../shared/fixtures/notebooks'), 'OpenComputingLab__reusable-content-example/demo-notebook.ipynb')

/** The top-level structure: node types, with the cells (1-based) inside constructs. */
function outline(tree: Root): string[] {
  return tree.children.map((node) => {
    if (node.type === 'notebookMarkdownCell' || node.type === 'notebookCodeCell') return `cell ${node.index + 1}`
    const kind = 'kind' in node ? node.kind : ''
    const inner = 'children' in node ? (node.children as Root['children']).map((c) => ('index' in c ? `cell ${(c.index as number) + 1}` : `${c.type}:${'kind' in c ? c.kind : ''}`)) : []
    return `${node.type}:${kind}[${inner.join(', ')}]`
  })
}

describe('notebook conventions', () => {
  it.skipIf(!existsSync(demo))('groups the two activity-tagged cells of the reusable-content demo notebook into one activity', () => {
    const cells = (JSON.parse(readFileSync(demo, 'utf8')) as {cells: unknown[]}).cells
    const {tree} = courseNotebook(cells)
    const activities = nodesOf(tree, 'courseActivity')
    expect(activities).toHaveLength(1)
    expect(activities[0]!.children.map((c) => [c.type, (c as {index?: number}).index])).toEqual([
      ['notebookMarkdownCell', 5],
      ['notebookCodeCell', 6],
    ])
    expect(toString(activities[0]!)).toContain('And then generate a simple plot from the data')
  })

  it('attaches the answer, student and solution cells that follow an activity to it', () => {
    const cells = [
      markdownCell('Intro.'),
      markdownCell('Try this.', {activity: true}),
      codeCell('x = 1', {tags: ['style-activity']}),
      codeCell('# your code here', {student: true}),
      markdownCell('Our answer.', {tags: ['alert-success']}),
      codeCell('x = 42', {tags: ['solution']}),
      markdownCell('After.'),
    ]
    const tutor = courseNotebook(cells, 'tutor')
    expect(outline(tutor.tree)).toEqual(['cell 1', 'courseActivity:activity[cell 2, cell 3, courseBox:student, courseReveal:answer, courseReveal:solution]', 'cell 7'])
    const student = courseNotebook(cells, 'student')
    expect(outline(student.tree)).toEqual(['cell 1', 'courseActivity:activity[cell 2, cell 3, courseBox:student, courseReveal:answer]', 'cell 7'])
    expect(student.outcome.removed).toBe(1)
    expect(JSON.stringify(student.tree)).not.toContain('x = 42')
  })

  it('makes marked cells elsewhere reveals and boxes of their own; alert-warning cells are activities', () => {
    const cells = [
      markdownCell('An answer with no activity.', {tags: ['alert-success']}),
      markdownCell('Careful!', {tags: ['alert-danger']}),
      markdownCell('Do this.', {tags: ['alert-warning']}),
      markdownCell('Tutor note.', {tags: ['tutor-only']}),
      markdownCell('Plain.'),
    ]
    const tutor = courseNotebook(cells, 'tutor')
    expect(outline(tutor.tree)).toEqual(['courseReveal:answer[cell 1]', 'courseBox:warning[cell 2]', 'courseActivity:activity[cell 3, courseBox:tutor]', 'cell 5'])
    const student = courseNotebook(cells, 'student')
    expect(outline(student.tree)).toEqual(['courseReveal:answer[cell 1]', 'courseBox:warning[cell 2]', 'courseActivity:activity[cell 3]', 'cell 5'])
  })

  it('takes an activity heading opening its first cell as the title, and does not nest an alert in its own tagged cell', () => {
    const {tree} = courseNotebook([
      markdownCell('### Activity 3: plot it\n\nPlot the data.', {activity: true}),
      markdownCell('<div class="alert alert-success">\n\nUse `df.plot()`.\n\n</div>', {tags: ['alert-success']}),
    ])
    const [activity] = nodesOf(tree, 'courseActivity')
    expect(activity!.title).toBe('Activity 3: plot it')
    expect(nodesOf(tree, 'heading')).toEqual([])
    expect(nodesOf(tree, 'courseReveal')).toHaveLength(1)
    expect(outline(tree)).toEqual(['courseActivity:activity[cell 1, courseReveal:answer]'])
  })

  it('lets a tutor tag win over an activity mark, so a marked solution never reaches students', () => {
    const {tree, outcome} = courseNotebook([markdownCell('Secret.', {activity: true, tags: ['solutions']})], 'student')
    expect(tree.children).toEqual([])
    expect(outcome.removed).toBe(1)
  })
})

describe('alert blocks', () => {
  it('wraps <div class="alert alert-success"> … </div> around Markdown as an answer', () => {
    const {tree} = courseMarkdown(['Question?', '', '<div class="alert alert-success">', '', '**Answer:** 42', '', '</div>', '', 'After.'].join('\n'))
    expect(tree.children.map((c) => c.type)).toEqual(['paragraph', 'courseReveal', 'paragraph'])
    expect(tree.children[1]).toMatchObject({kind: 'answer'})
    expect(toString(tree.children[1]!)).toBe('Answer: 42')
  })

  it('keeps the inside of a one-block alert as HTML, and maps warning and danger', () => {
    const {tree} = courseMarkdown(['<div class="alert alert-warning">', 'Do the exercise.', '</div>', '', "<div class='alert alert-danger'>Don't run this twice.</div>"].join('\n'))
    expect(tree.children.map((c) => [c.type, 'kind' in c ? c.kind : ''])).toEqual([
      ['courseActivity', 'activity'],
      ['courseBox', 'warning'],
    ])
    expect(nodesOf(tree, 'html').map((h) => h.value)).toEqual(['Do the exercise.', "Don't run this twice."])
  })

  it('leaves other alerts and unclosed ones alone', () => {
    const {tree} = courseMarkdown(['<div class="alert alert-info">', '', 'Note.', '', '</div>', '', '<div class="alert alert-success">', '', 'Never closed.'].join('\n'))
    expect(tree.children.map((c) => c.type)).toEqual(['html', 'paragraph', 'html', 'html', 'paragraph'])
  })

  it('finds alerts inside notebook Markdown cells', () => {
    const {tree} = courseNotebook([markdownCell('<div class="alert alert-success">\n\nIt is 4.\n\n</div>')])
    expect(nodesOf(tree, 'courseReveal').map((r) => toString(r))).toEqual(['It is 4.'])
  })
})
