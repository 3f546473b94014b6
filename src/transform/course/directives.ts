import type {Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import type {CourseReveal, MystDirective} from '../../pipeline/types.js'
import {ACTIVITY_DIRECTIVES, REVEAL_DIRECTIVES, activityFrom, revealFrom} from './activities.js'
import {boxFrom, codeStyleFrom} from './boxes.js'
import {interactionFrom} from './interactions.js'
import {MEDIA_DIRECTIVES, mediaFrom} from './media.js'
import {placeSolutions} from './solutions.js'
import {rewrite} from './tree.js'

/** Every directive name the course transform turns into a construct. */
export const COURSE_DIRECTIVES: ReadonlySet<string> = new Set([
  ...Object.keys(ACTIVITY_DIRECTIVES),
  ...Object.keys(REVEAL_DIRECTIVES),
  ...Object.keys(MEDIA_DIRECTIVES),
  'ou-interaction',
  'ou-where-next',
  'ou-codestyle',
  'tutor',
])

/**
 * Turn the course directives (`mystDirective` nodes) into construct nodes,
 * innermost first, so an answer inside an activity is already a
 * `courseReveal` when the activity is made; then move each solution into
 * the exercise it names. Other directives are left for other transforms.
 */
export function courseDirectivesTransform(tree: Root, file: VFile): void {
  const solutions = new Map<CourseReveal, string>()
  let interactions = 0
  const usedIds = new Set<string>()
  rewrite(tree, (node): RootContent | RootContent[] | undefined => {
    if (node.type !== 'mystDirective' || !COURSE_DIRECTIVES.has(node.name)) return undefined
    const name = node.name
    const activity = ACTIVITY_DIRECTIVES[name]
    if (activity) return activityFrom(node, activity, file)
    const reveal = REVEAL_DIRECTIVES[name]
    if (reveal) {
      const made = revealFrom(node, reveal)
      if (made.exercise) solutions.set(made.reveal, made.exercise)
      return made.reveal
    }
    const media = MEDIA_DIRECTIVES[name]
    if (media) return mediaFrom(node, media, file)
    if (name === 'ou-interaction') return interactionFrom(node, uniqueId(node, ++interactions, usedIds), file)
    if (name === 'ou-where-next') return boxFrom(node, 'where-next')
    if (name === 'tutor') return boxFrom(node, 'tutor')
    return codeStyleFrom(node)
  })
  placeSolutions(tree, solutions, file)
}

/** The id of the n-th interaction: its label when that is free, else `interaction-n`. */
function uniqueId(node: MystDirective, n: number, used: Set<string>): string {
  const label = (node.options?.label ?? node.options?.name ?? '').trim()
  let id = label && !used.has(label) ? label : `interaction-${n}`
  for (let k = 2; used.has(id); k++) id = `interaction-${n}-${k}`
  used.add(id)
  return id
}
