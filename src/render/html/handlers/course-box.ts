import type {Element, ElementContent} from 'hast'
import type {State} from 'mdast-util-to-hast'
import {h} from 'hastscript'
import type {CourseBox} from '../../../transform/course/nodes.js'
import {BOX_TITLES, TUTOR_ONLY} from './course-labels.js'
import {asString, childrenOf} from './shared.js'

/**
 * `courseBox` → `<aside class="course-box <kind>">` with its title first
 * ("Where next?", "Warning", "Your answer", "Tutor only"). A tutor-only box
 * (in a tutor build) also gets the class `tutor-only` and a "Tutor only"
 * badge after a title of the author's own.
 */
export function courseBoxHandler(state: State, node: CourseBox): Element {
  const kind = Object.hasOwn(BOX_TITLES, node.kind) ? node.kind : 'where-next'
  const tutor = node.audience === 'tutor'
  const title = asString(node.title).trim() || BOX_TITLES[kind]
  const heading: ElementContent[] = [{type: 'text', value: title}]
  if (tutor && title !== TUTOR_ONLY) heading.push({type: 'text', value: ' '}, h('span', {className: ['tutor-badge']}, TUTOR_ONLY))
  const aside = h('aside', {className: ['course-box', kind, ...(tutor ? ['tutor-only'] : [])], ariaLabel: title}, [
    h('p', {className: ['course-box-title']}, heading),
    ...state.wrap(childrenOf(state, node), true),
  ])
  state.patch(node, aside)
  return aside
}
