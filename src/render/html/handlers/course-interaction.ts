import type {Element, ElementContent} from 'hast'
import type {Nodes} from 'mdast'
import type {State} from 'mdast-util-to-hast'
import {h} from 'hastscript'
import type {CourseChoice, CourseFeedback, CourseInteraction, FreeResponseSize} from '../../../transform/course/nodes.js'
import {asString} from './shared.js'

const LEGENDS = {'single-choice': 'Choose one answer', 'multiple-choice': 'Choose all the answers that apply'} as const
const ROWS: Readonly<Record<FreeResponseSize, number>> = {'single line': 1, paragraph: 4, long: 10, formatted: 10}

/**
 * `courseInteraction` → `<div class="interaction <kind>" role="group">`
 * of form controls that work without JavaScript: the prompt; the options as
 * radio buttons or checkboxes (a free response: a text box); then "Check
 * your answer", a `<details>` listing each option as right or wrong with
 * its feedback; then the question's own reveals. No `<form>`: nothing is
 * ever submitted, and an untrusted page may hold no form.
 */
export function courseInteractionHandler(state: State, node: CourseInteraction): Element {
  const id = asString(node.id, 'interaction')
  const kids = Array.isArray(node.children) ? node.children : []
  const choices = kids.filter((child): child is CourseChoice => child.type === 'courseChoice')
  const reveals = kids.filter((child) => child.type === 'courseReveal')
  const prompt = kids.filter((child) => child.type !== 'courseChoice' && child.type !== 'courseReveal')
  const content: ElementContent[] = [...blocks(state, prompt as Nodes[], node)]
  if (node.kind === 'free-response') content.push(freeResponse(id, node.size))
  else content.push(...choiceQuestion(state, id, node.kind === 'multiple-choice' ? 'multiple-choice' : 'single-choice', choices))
  content.push(...blocks(state, reveals as Nodes[], node))
  const group = h('div', {className: ['interaction', node.kind], role: 'group', ariaLabel: 'Question', id: asString(node.label).trim() || undefined}, state.wrap(content, true))
  state.patch(node, group)
  return group
}

function choiceQuestion(state: State, id: string, kind: keyof typeof LEGENDS, choices: CourseChoice[]): Element[] {
  const type = kind === 'single-choice' ? 'radio' : 'checkbox'
  const options = choices.map((choice, i) =>
    h('li', [h('label', [h('input', {type, name: id, value: String(i + 1)}), ' ', ...choiceText(state, choice)])]),
  )
  const results = choices.map((choice) => {
    const feedback = choice.children.find((child): child is CourseFeedback => child.type === 'courseFeedback')
    return h('li', {className: [choice.correct ? 'right' : 'wrong']}, [
      h('span', {className: ['verdict']}, choice.correct ? 'Right:' : 'Wrong:'),
      ' ',
      ...choiceText(state, choice),
      ...(feedback ? [h('div', {className: ['choice-feedback']}, state.wrap(state.all(feedback), true))] : []),
    ])
  })
  return [
    h('fieldset', {className: ['interaction-choices']}, [h('legend', LEGENDS[kind]), h('ul', options)]),
    h('details', {className: ['reveal', 'interaction-check']}, [h('summary', 'Check your answer'), h('ul', {className: ['interaction-results']}, results)]),
  ]
}

/** An option's text as phrasing content: the inside of its first paragraph (other blocks are rare in an option; their text is kept). */
function choiceText(state: State, choice: CourseChoice): ElementContent[] {
  const first = choice.children.find((child) => child.type !== 'courseFeedback')
  if (!first) return []
  if (first.type === 'paragraph') return state.all(first)
  const out = state.one(first, choice)
  return out === undefined ? [] : Array.isArray(out) ? out : [out]
}

function freeResponse(id: string, size: FreeResponseSize | undefined): Element {
  const rows = ROWS[size ?? 'paragraph'] ?? 4
  return h('label', {className: ['interaction-response']}, [h('span', 'Your answer'), h('textarea', {name: id, rows})])
}

function blocks(state: State, nodes: Nodes[], parent: CourseInteraction): ElementContent[] {
  return nodes.flatMap((child) => {
    const out = state.one(child, parent)
    return out === undefined ? [] : Array.isArray(out) ? out : [out]
  })
}
