import type {Parents, RootContent} from 'mdast'
import type {CourseActivity, CourseReveal} from '../../../pipeline/types.js'
import type {CourseInteraction} from '../../../transform/course/nodes.js'
import type {State} from '../state.js'
import type {XmlElement, XmlNode} from '../types.js'
import {fit} from '../content-model.js'
import {childId} from '../ids.js'
import {interactionParts} from './course-interaction.js'
import {text} from './shared.js'

const ELEMENTS: Readonly<Record<CourseActivity['kind'], string>> = {activity: 'Activity', exercise: 'Exercise', saq: 'SAQ', itq: 'ITQ'}

/** What an activity element is made from: a `courseActivity`, or an interaction standing alone. */
export interface ActivitySource {
  kind: CourseActivity['kind']
  title?: string
  timing?: string
  label?: string
  children: RootContent[]
}

/**
 * `courseActivity` → `Activity`, `Exercise`, `SAQ` or `ITQ` in the order
 * the schema asks: `Heading` (the title), `Timing`, `Question` (the task),
 * `Interaction` (the options of its `ou-interaction`s), `Answer` (its
 * answers, and solutions in a tutor build) and `Discussion` (an ITQ has
 * none: its discussions join the answer). A label is the element's id.
 */
export function courseActivityHandler(state: State, node: CourseActivity): XmlNode[] {
  return [activityElement(state, node, node)]
}

/** The OU-XML element of an activity (see `courseActivityHandler`). */
export function activityElement(state: State, source: ActivitySource, from: CourseActivity | CourseInteraction): XmlElement {
  const name = ELEMENTS[source.kind] ?? 'Activity'
  const question: XmlElement[] = []
  const interaction: XmlElement[] = []
  const answer: XmlElement[] = []
  const discussion: XmlElement[] = []
  const reveal = (node: CourseReveal) => {
    const content = revealContent(state, node)
    if (node.kind === 'discussion' && name !== 'ITQ') discussion.push(...content)
    else answer.push(...content)
  }
  for (const child of source.children) {
    if (child.type === 'courseReveal') reveal(child)
    else if (child.type === 'courseInteraction') {
      const parts = interactionParts(state, child)
      question.push(...parts.prompt)
      interaction.push(...parts.options)
      parts.reveals.forEach(reveal)
    } else question.push(...state.flow([child], from as Parents))
  }
  const elements: XmlElement[] = []
  const title = state.text(source.title ?? '', from).trim()
  if (title) elements.push(state.element('Heading', {}, text(title)))
  const timing = state.text(source.timing ?? '', from).trim()
  if (timing) elements.push(state.element('Timing', {}, text(timing)))
  elements.push(state.element('Question', {}, filled(state, fit(state, 'Question', question))))
  if (interaction.length > 0) elements.push(state.element('Interaction', {}, interaction))
  if (answer.length > 0) elements.push(state.element('Answer', {}, fit(state, 'Answer', answer)))
  if (discussion.length > 0) elements.push(state.element('Discussion', {}, fit(state, 'Discussion', discussion)))
  const id = source.label ? state.ids.unique(childId(state.sessionId, source.label)) : undefined
  return state.element(name, {id}, elements, from)
}

/** A reveal's content; its own title (if any) first, in bold. */
export function revealContent(state: State, node: CourseReveal): XmlElement[] {
  const content = state.blocks(node)
  const title = state.text(node.title ?? '', node).trim()
  if (!title) return content
  return [state.element('Paragraph', {}, [state.element('b', {}, text(title))]), ...content]
}

/** A part that must hold something: an empty paragraph when it would be empty. */
export function filled(state: State, content: XmlElement[]): XmlElement[] {
  return content.length > 0 ? content : [state.element('Paragraph', {})]
}
