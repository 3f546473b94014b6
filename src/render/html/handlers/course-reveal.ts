import type {Element, ElementContent} from 'hast'
import type {State} from 'mdast-util-to-hast'
import {h} from 'hastscript'
import type {CourseReveal} from '../../../pipeline/types.js'
import {REVEAL_SUMMARIES, TUTOR_ONLY} from './course-labels.js'
import {asString, childrenOf} from './shared.js'

/**
 * `courseReveal` → `<details class="reveal <kind>">` with "Reveal answer"
 * (or its title) as the summary: the content shows on demand without any
 * JavaScript, and is printed open (see the theme). Tutor-only content (a
 * solution, in a tutor build) also gets the class `tutor-only` and a
 * "Tutor only" badge.
 */
export function courseRevealHandler(state: State, node: CourseReveal): Element {
  const kind = Object.hasOwn(REVEAL_SUMMARIES, node.kind) ? node.kind : 'answer'
  const tutor = node.audience === 'tutor'
  const summary: ElementContent[] = [{type: 'text', value: asString(node.title).trim() || REVEAL_SUMMARIES[kind]}]
  if (tutor) summary.push({type: 'text', value: ' '}, h('span', {className: ['tutor-badge']}, TUTOR_ONLY))
  const details = h('details', {className: ['reveal', kind, ...(tutor ? ['tutor-only'] : [])]}, [
    h('summary', summary),
    h('div', {className: ['reveal-body']}, state.wrap(childrenOf(state, node), true)),
  ])
  state.patch(node, details)
  return details
}
