import type {Root} from 'mdast'
import {SKIP, visit} from '../../pipeline/visit.js'
import {isTutorCell} from './cell-roles.js'

/** Who a build is for. `team` (the course team's own build) sees what tutors see. */
export type Audience = 'student' | 'tutor' | 'team'

const SEES_TUTOR_CONTENT: ReadonlySet<string> = new Set(['tutor', 'team'])

/** Whether a build for this audience keeps tutor-only content; any audience not known to be staff is treated as students. */
export function seesTutorContent(audience: string | undefined): boolean {
  return audience !== undefined && SEES_TUTOR_CONTENT.has(audience)
}

/**
 * Remove tutor-only content from a student build's tree, before anything
 * is rendered from it, so it reaches no HTML, OU-XML, search index or
 * download: solutions and other `audience: 'tutor'` reveals and boxes, and
 * notebook cells tagged for tutors that no construct took in. A tutor build
 * keeps them (the renderers mark them "Tutor only"). Returns how many pieces
 * were removed.
 */
export function audienceTransform(tree: Root, audience: string | undefined): number {
  if (seesTutorContent(audience)) return 0
  let removed = 0
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return undefined
    const tutorOnly =
      ((node.type === 'courseReveal' || node.type === 'courseBox') && node.audience === 'tutor') ||
      ((node.type === 'notebookCodeCell' || node.type === 'notebookMarkdownCell' || node.type === 'notebookRawCell') && isTutorCell(node.tags))
    if (!tutorOnly) return undefined
    parent.children.splice(index, 1)
    removed++
    return [SKIP, index]
  })
  return removed
}
