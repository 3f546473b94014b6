import type {CourseActivity, CourseReveal} from '../../../pipeline/types.js'
import type {CourseBox} from '../../../transform/course/nodes.js'

/**
 * The words the course constructs show on the website, in one place: the
 * name of each kind of activity, the text of each reveal control, and how a
 * timing is introduced.
 */

/** What an activity of each kind is called when the author gave it no title. */
export const ACTIVITY_NAMES: Readonly<Record<CourseActivity['kind'], string>> = {
  activity: 'Activity',
  exercise: 'Exercise',
  saq: 'Self-assessment question',
  itq: 'In-text question',
}

/** The summary of a reveal with no title of its own. */
export const REVEAL_SUMMARIES: Readonly<Record<CourseReveal['kind'], string>> = {
  answer: 'Reveal answer',
  discussion: 'Reveal discussion',
  solution: 'Solution',
}

/** The title of each kind of box when the author gave none. */
export const BOX_TITLES: Readonly<Record<CourseBox['kind'], string>> = {
  'where-next': 'Where next?',
  warning: 'Warning',
  student: 'Your answer',
  tutor: 'Tutor only',
}

/** The badge on content only tutors see (in a tutor build; students never get it). */
export const TUTOR_ONLY = 'Tutor only'

/** `Allow about 15 minutes` for a timing of `15 minutes`; a timing that already says "allow" or "about" is kept as written. */
export function timingText(timing: string): string {
  const text = timing.trim()
  if (/^allow\b/i.test(text)) return text.charAt(0).toUpperCase() + text.slice(1)
  if (/^(about|approximately|approx\.?|around|roughly)\b/i.test(text)) return `Allow ${text}`
  return `Allow about ${text}`
}
