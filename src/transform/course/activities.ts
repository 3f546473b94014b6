import type {VFile} from 'vfile'
import type {CourseActivity, CourseReveal, MystDirective} from '../../pipeline/types.js'
import {emit} from '../../diagnostics/message.js'
import {parseTiming} from './timing.js'
import {option, origin} from './tree.js'

/** Directive names that make an activity, and the kind each makes. */
export const ACTIVITY_DIRECTIVES: Readonly<Record<string, CourseActivity['kind']>> = {
  'ou-activity': 'activity',
  'ou-exercise': 'exercise',
  'ou-saq': 'saq',
  'ou-itq': 'itq',
  // sphinx-exercise
  exercise: 'exercise',
}

/** Directive names that make content revealed on demand, and the kind each makes. */
export const REVEAL_DIRECTIVES: Readonly<Record<string, CourseReveal['kind']>> = {
  'ou-answer': 'answer',
  'ou-discussion': 'discussion',
  solution: 'solution',
}

/**
 * An activity directive → `courseActivity`: title from the arguments,
 * `:timing:` as written and in minutes, label from `:label:` or `:name:`.
 * A timing that cannot be read is kept as text, with an info diagnostic.
 */
export function activityFrom(node: MystDirective, kind: CourseActivity['kind'], file: VFile): CourseActivity {
  const activity: CourseActivity = {type: 'courseActivity', kind, children: node.children, ...origin(node)}
  const title = node.args.trim()
  if (title) activity.title = title
  const label = option(node, 'label', 'name')
  if (label) activity.label = label
  const timing = option(node, 'timing')
  if (timing) {
    activity.timing = timing
    const minutes = parseTiming(timing)
    if (minutes === undefined) {
      emit(file, 'activity-timing-unreadable', `The timing "${timing}" of {${node.name}} could not be read as a duration; it is shown as written and not counted in the study time`, {node, stage: 'course'})
    } else activity.minutes = minutes
  }
  return activity
}

/**
 * `ou-answer` / `ou-discussion` → `courseReveal` (a title from the
 * arguments); sphinx-exercise's `solution` → a `courseReveal` of kind
 * `solution` for tutors only, whose arguments name the exercise it solves
 * (returned as `exercise`, for `placeSolutions`).
 */
export function revealFrom(node: MystDirective, kind: CourseReveal['kind']): {reveal: CourseReveal; exercise?: string} {
  const reveal: CourseReveal = {type: 'courseReveal', kind, children: node.children, ...origin(node)}
  if (kind !== 'solution') {
    const title = node.args.trim()
    if (title) reveal.title = title
    return {reveal}
  }
  reveal.audience = 'tutor'
  const title = option(node, 'title')
  if (title) reveal.title = title
  const exercise = node.args.trim()
  return exercise ? {reveal, exercise} : {reveal}
}
