import type {Parents} from 'mdast'
import type {CourseReveal} from '../../../pipeline/types.js'
import type {CourseChoice, CourseFeedback, CourseInteraction} from '../../../transform/course/nodes.js'
import type {State} from '../state.js'
import type {XmlElement, XmlNode} from '../types.js'
import {fit} from '../content-model.js'
import {childId} from '../ids.js'
import {activityElement, filled} from './course-activity.js'

/**
 * An `ou-interaction` on its own → an `Activity` holding it (the schema
 * allows an `Interaction` only inside an activity): the prompt as the
 * `Question`, the options as the `Interaction`, its reveals as `Answer` and
 * `Discussion`. Inside an activity, the activity takes these parts itself.
 */
export function courseInteractionHandler(state: State, node: CourseInteraction): XmlNode[] {
  return [activityElement(state, {kind: 'activity', label: node.label, children: [node]}, node)]
}

/**
 * The parts of an interaction: its prompt (for the `Question`), its options
 * (`SingleChoice` / `MultipleChoice` of `Right` and `Wrong`, each with its
 * `Feedback`, or a `FreeResponse` box), and its reveals.
 */
export function interactionParts(state: State, node: CourseInteraction): {prompt: XmlElement[]; options: XmlElement[]; reveals: CourseReveal[]} {
  const kids = Array.isArray(node.children) ? node.children : []
  const choices = kids.filter((child): child is CourseChoice => child.type === 'courseChoice')
  const reveals = kids.filter((child): child is CourseReveal => child.type === 'courseReveal')
  const prompt = state.flow(kids.filter((child) => child.type !== 'courseChoice' && child.type !== 'courseReveal'), node as Parents)
  if (node.kind === 'free-response' || choices.length === 0) {
    const id = state.ids.unique(childId(state.sessionId, node.label ?? node.id ?? 'response'))
    return {prompt, options: [state.element('FreeResponse', {size: node.size ?? 'paragraph', id}, [], node)], reveals}
  }
  // A single choice needs exactly one right option; anything else is written as multiple choice.
  const single = node.kind === 'single-choice' && choices.filter((choice) => choice.correct).length === 1
  const options = choices.map((choice) => option(state, choice))
  return {prompt, options: [state.element(single ? 'SingleChoice' : 'MultipleChoice', {}, options, node)], reveals}
}

function option(state: State, choice: CourseChoice): XmlElement {
  const name = choice.correct ? 'Right' : 'Wrong'
  const feedback = choice.children.find((child): child is CourseFeedback => child.type === 'courseFeedback')
  const content = filled(state, fit(state, name, state.flow(choice.children.filter((child) => child.type !== 'courseFeedback'), choice as Parents)))
  if (feedback) {
    const paragraphs = fit(state, 'Feedback', state.blocks(feedback))
    if (paragraphs.length > 0) content.push(state.element('Feedback', {}, paragraphs, feedback))
  }
  return state.element(name, {}, content, choice)
}
