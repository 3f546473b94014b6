import type {Parent, Root} from 'mdast'
import type {VFile} from 'vfile'
import {visit} from '../../pipeline/visit.js'
import type {CourseActivity, CourseReveal} from '../../pipeline/types.js'
import {emit} from '../../diagnostics/message.js'

/**
 * Move each sphinx-exercise solution into the exercise it names (by label),
 * as the exercise's last child, so it follows the exercise on the page and
 * becomes the exercise's answer in the OU-XML. A solution whose exercise is
 * not on the page stays where it was written, with an info diagnostic.
 */
export function placeSolutions(tree: Root, pending: ReadonlyMap<CourseReveal, string>, file: VFile): void {
  if (pending.size === 0) return
  const activities = new Map<string, CourseActivity>()
  const parents = new Map<CourseReveal, Parent>()
  visit(tree, (node, _index, parent) => {
    if (node.type === 'courseActivity' && node.label && !activities.has(node.label)) activities.set(node.label, node)
    if (node.type === 'courseReveal' && parent && pending.has(node)) parents.set(node, parent)
  })
  for (const [reveal, label] of pending) {
    const activity = activities.get(label)
    const parent = parents.get(reveal)
    if (!activity) {
      emit(file, 'solution-exercise-missing', `The {solution} names the exercise "${label}", which is not on this page; the solution is shown where it is written`, {node: reveal, stage: 'course'})
      continue
    }
    if (!parent || parent === activity) continue
    parent.children.splice(parent.children.indexOf(reveal as never), 1)
    activity.children.push(reveal)
  }
}
