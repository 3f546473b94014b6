import type {Element, ElementContent} from 'hast'
import type {State} from 'mdast-util-to-hast'
import {h} from 'hastscript'
import type {CourseActivity} from '../../../pipeline/types.js'
import {ACTIVITY_NAMES, timingText} from './course-labels.js'
import {asString, childrenOf} from './shared.js'

/**
 * `courseActivity` → `<section class="activity activity-<kind>">` headed by
 * its title (or its kind's name) and timing ("Activity 1 · Allow about 15
 * minutes"), with the task and its reveals in order below. The label, when
 * given, is the section's id, for cross-references.
 */
export function courseActivityHandler(state: State, node: CourseActivity): Element {
  const kind = Object.hasOwn(ACTIVITY_NAMES, node.kind) ? node.kind : 'activity'
  const title = asString(node.title).trim() || ACTIVITY_NAMES[kind]
  const heading: ElementContent[] = [h('span', {className: ['activity-title']}, title)]
  const timing = asString(node.timing).trim()
  // A timing that could not be read (no minutes) is shown as written.
  if (timing) heading.push({type: 'text', value: ' · '}, h('span', {className: ['activity-timing']}, typeof node.minutes === 'number' ? timingText(timing) : timing))
  const label = asString(node.label).trim()
  const section = h('section', {className: ['activity', `activity-${kind}`], id: label || undefined, ariaLabel: title}, [
    h('header', {className: ['activity-header']}, heading),
    h('div', {className: ['activity-body']}, state.wrap(childrenOf(state, node), true)),
  ])
  state.patch(node, section)
  return section
}
