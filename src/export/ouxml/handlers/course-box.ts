import type {CourseReveal} from '../../../pipeline/types.js'
import type {CourseBox} from '../../../transform/course/nodes.js'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'
import {fit} from '../content-model.js'
import {filled} from './course-activity.js'
import {text} from './shared.js'

const BOX_HEADINGS: Readonly<Record<CourseBox['kind'], string>> = {'where-next': 'Where next?', warning: 'Warning', student: 'Your answer', tutor: 'Tutor only'}
const REVEAL_HEADINGS: Readonly<Record<CourseReveal['kind'], string>> = {answer: 'Answer', discussion: 'Discussion', solution: 'Solution'}

/** `courseBox` → `Box` with its title (or its kind's) as `Heading`; a tutor-only box (tutor build) says so in the heading. */
export function courseBoxHandler(state: State, node: CourseBox): XmlNode[] {
  const title = state.text(node.title ?? '', node).trim() || (BOX_HEADINGS[node.kind] ?? 'Note')
  const heading = node.audience === 'tutor' && !/tutor only/i.test(title) ? `${title} (tutor only)` : title
  return [state.element('Box', {}, [state.element('Heading', {}, text(heading)), ...filled(state, fit(state, 'Box', state.blocks(node)))], node)]
}

/**
 * A `courseReveal` outside any activity (an answer cell with no activity
 * before it) → `Box` headed "Answer", "Discussion" or "Solution" (or its
 * title): OU-XML has answers only inside activities.
 */
export function courseRevealHandler(state: State, node: CourseReveal): XmlNode[] {
  const title = state.text(node.title ?? '', node).trim() || (REVEAL_HEADINGS[node.kind] ?? 'Answer')
  const heading = node.audience === 'tutor' ? `${title} (tutor only)` : title
  return [state.element('Box', {}, [state.element('Heading', {}, text(heading)), ...filled(state, fit(state, 'Box', state.blocks(node)))], node)]
}
