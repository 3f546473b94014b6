import {describe, expect, it} from 'vitest'
import {toString} from 'mdast-util-to-string'
import {stripSolutions} from '../../../src/transform/course/strip-solutions.js'
import {studentNotebook} from '../../../src/transform/course/student-notebook.js'
import {codeCell, courseMarkdown, courseNotebook, markdownCell, notebookJson, rules} from './helpers.js'

describe('stripSolutions (Markdown source of a downloaded notebook)', () => {
  it('removes {solution} and {tutor} fences, nested in other directives too, and keeps the rest', () => {
    const source = ['Before.', '````{exercise}', ':label: e1', 'Task.', '```{solution} e1', 'SECRET', '```', '````', ':::{tutor}', 'TUTOR NOTE', ':::', '~~~{solution}', 'TILDE SECRET', '~~~', 'After.'].join('\n')
    const {text, removed} = stripSolutions(source, {inGate: false})
    expect(text).toBe(['Before.', '````{exercise}', ':label: e1', 'Task.', '````', 'After.'].join('\n'))
    expect(removed).toBe(3)
  })

  it('keeps a solution shown as an example in a plain code block, as the page does', () => {
    const source = ['`````text', '````{solution} my-exercise', 'shown as source', '````', '`````'].join('\n')
    expect(stripSolutions(source, {inGate: false})).toEqual({text: source, removed: 0})
  })

  it('removes a gated solution, and carries the open gate to the next cell', () => {
    const state = {inGate: false}
    expect(stripSolutions(['Keep.', '```{solution-start} e1', '```', 'SECRET'].join('\n'), state)).toEqual({text: 'Keep.', removed: 1})
    expect(state.inGate).toBe(true)
    expect(stripSolutions(['MORE SECRET', '```{solution-end}', '```', 'Visible.'].join('\n'), state)).toEqual({text: 'Visible.', removed: 0})
    expect(state.inGate).toBe(false)
  })
})

describe('studentNotebook (the download of a student build)', () => {
  it('drops tutor-tagged cells and solution fences, and the cells inside a gated solution', () => {
    const notebook = JSON.parse(
      notebookJson([
        markdownCell('# Title'),
        codeCell('answer = 42', {tags: ['solution']}),
        markdownCell('Task.\n\n```{solution}\nSECRET\n```\n'),
        markdownCell('```{solution-start}\n```\n'),
        codeCell('gated = "SECRET"'),
        markdownCell('```{solution-end}\n```\nAfter the gate.'),
        markdownCell('Tutor remark.', {tags: ['tutor']}),
        codeCell('print(1)'),
      ]),
    ) as {cells: unknown[]}
    const {json, removed} = studentNotebook(notebook)
    expect(json).not.toMatch(/SECRET|answer = 42|Tutor remark/)
    const cells = (JSON.parse(json) as {cells: Array<{source: string[] | string}>}).cells.map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source))
    expect(cells).toEqual(['# Title', 'Task.\n\n', 'After the gate.', 'print(1)'])
    expect(removed).toBe(6)
    expect(json.endsWith('}\n')).toBe(true)
  })

  it('removes nothing from a notebook without tutor content', () => {
    const notebook = JSON.parse(notebookJson([markdownCell('Hello.'), codeCell('1 + 1')]))
    expect(studentNotebook(notebook).removed).toBe(0)
  })
})

describe('gated exercises and solutions in the page tree', () => {
  it('encloses the cells between {solution-start} and {solution-end} in a tutor-only solution of the exercise', () => {
    const cells = [
      markdownCell('```{exercise-start}\n:label: ex1\n```\nWrite code.'),
      codeCell('# your code'),
      markdownCell('```{exercise-end}\n```'),
      markdownCell('```{solution-start} ex1\n```'),
      codeCell('solution = "SECRET"'),
      markdownCell('```{solution-end}\n```\nVisible after.'),
    ]
    const tutor = courseNotebook(cells, 'tutor')
    const [exercise] = tutor.tree.children
    expect(exercise).toMatchObject({type: 'courseActivity', kind: 'exercise', label: 'ex1'})
    const inside = (exercise as {children: Array<{type: string; kind?: string}>}).children
    expect(inside.map((c) => c.type + (c.kind ? `:${c.kind}` : ''))).toEqual(['notebookMarkdownCell', 'notebookCodeCell', 'courseReveal:solution'])
    expect(toString(tutor.tree)).toContain('Visible after.')

    const student = courseNotebook(cells, 'student')
    expect(JSON.stringify(student.tree)).not.toContain('SECRET')
    expect(toString(student.tree)).toContain('Visible after.')
    expect(student.outcome.removed).toBe(1)
  })

  it('treats an unclosed {solution-start} as running to the end of the page, with a warning', () => {
    const {tree, file} = courseMarkdown(['Shown.', '', '```{solution-start}', '```', '', 'SECRET'].join('\n'), 'student')
    expect(toString(tree)).toBe('Shown.')
    expect(rules(file)).toEqual(['gate-unclosed'])
  })
})
