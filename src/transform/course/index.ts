import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {alertDivsTransform} from './alert-divs.js'
import {audienceTransform} from './audience.js'
import {courseDirectivesTransform} from './directives.js'
import {gatedTransform} from './gated.js'
import {notebookConventionsTransform} from './notebook-conventions.js'
import {placeSolutions} from './solutions.js'

export type {Audience} from './audience.js'
export {seesTutorContent} from './audience.js'
export {COURSE_DIRECTIVES} from './directives.js'

export interface CourseOptions {
  /** Who the build is for (`config.audience`); anything but tutor or team is a student build. */
  audience: string | undefined
}

export interface CourseOutcome {
  /** How many pieces of tutor-only content were removed (0 in a tutor build). */
  removed: number
}

/**
 * The OU course constructs of a page, in this order: the course directives
 * (activities, answers, interactions, media, boxes), sphinx-exercise's gated
 * exercises and solutions (each solution moved into its exercise), alert
 * blocks, the notebook cell conventions, and last the audience: a student
 * build loses every tutor-only piece here, before any stage renders the tree.
 */
export function courseTransform(tree: Root, file: VFile, options: CourseOptions): CourseOutcome {
  courseDirectivesTransform(tree, file)
  placeSolutions(tree, gatedTransform(tree, file), file)
  alertDivsTransform(tree)
  notebookConventionsTransform(tree)
  return {removed: audienceTransform(tree, options.audience)}
}
