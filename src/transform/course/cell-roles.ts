/**
 * What a notebook cell is for in an OU course, from its tags and metadata.
 * The conventions, as OU notebooks use them:
 *
 * - `activity`: metadata `activity: true`, or tag `activity`,
 *   `style-activity` (the empinken extension's blue activity cells) or
 *   `alert-warning`;
 * - `answer` (revealed on demand): tag `alert-success`;
 * - `student` (a place for the student's own work; empinken's yellow):
 *   metadata `student: true`, or tag `student` or `style-student`;
 * - `warning`: tag `alert-danger`;
 * - `solution` (tutors only): tag `solution` or `solutions`;
 * - `tutor` (tutors only): tag `tutor` or `tutor-only`.
 *
 * The tutor-only roles win over the others, so a cell marked both
 * `activity` and `solution` never reaches a student.
 */
export type CellRole = 'activity' | 'answer' | 'student' | 'warning' | 'solution' | 'tutor'

/** Tags that make a cell tutor-only content (removed from a student build and from its notebook download). */
export const SOLUTION_TAGS: ReadonlySet<string> = new Set(['solution', 'solutions'])
export const TUTOR_TAGS: ReadonlySet<string> = new Set(['tutor', 'tutor-only'])

const ACTIVITY_TAGS = new Set(['activity', 'style-activity', 'alert-warning'])
const STUDENT_TAGS = new Set(['student', 'style-student'])

/** The role of a cell with these tags and metadata flags (metadata keys set to `true`), or undefined for an ordinary cell. */
export function cellRole(tags: readonly unknown[] | undefined, flags: readonly unknown[] | undefined): CellRole | undefined {
  const tagSet = new Set((Array.isArray(tags) ? tags : []).filter((tag): tag is string => typeof tag === 'string'))
  const flagSet = new Set((Array.isArray(flags) ? flags : []).filter((flag): flag is string => typeof flag === 'string'))
  const any = (names: ReadonlySet<string>) => [...names].some((name) => tagSet.has(name))
  if (any(SOLUTION_TAGS)) return 'solution'
  if (any(TUTOR_TAGS)) return 'tutor'
  if (flagSet.has('activity') || any(ACTIVITY_TAGS)) return 'activity'
  if (tagSet.has('alert-success')) return 'answer'
  if (flagSet.has('student') || any(STUDENT_TAGS)) return 'student'
  if (tagSet.has('alert-danger')) return 'warning'
  return undefined
}

/** Whether a cell with these tags is for tutors only. */
export function isTutorCell(tags: readonly unknown[] | undefined): boolean {
  const role = cellRole(tags, undefined)
  return role === 'solution' || role === 'tutor'
}
