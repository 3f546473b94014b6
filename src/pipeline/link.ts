import type {Course, PageResult} from './types.js'
import type {PageNav, UnitNav} from '../render/layout/types.js'

export interface CourseNav {
  units: UnitNav[]
  /** Every built page in reading order, for previous/next. */
  sequence: PageNav[]
  /** Course study time: declared unit times, else the sum of their pages (each its declared time, else its activities'). */
  studyTime?: number
}

/**
 * The one cross-file step: once every page is rendered, build the course
 * navigation from titles and order. Pages that failed to parse are left out.
 * The activities of a unit's introduction (`intros`, by unit slug) count
 * towards its time and activities.
 */
export function linkCourse(course: Course, results: ReadonlyMap<string, PageResult>, intros?: ReadonlyMap<string, PageResult>): CourseNav {
  const sequence: PageNav[] = []
  let total = 0
  let anyTime = false
  const units = course.units.map((unit): UnitNav => {
    const pages: PageNav[] = []
    const intro = intros?.get(unit.slug)
    // The introduction's `study_time` is the unit's own (its front matter is the unit's metadata): only its activities add up.
    let pageTime = intro?.activityMinutes ?? 0
    const activities = {count: intro?.activityCount ?? 0, minutes: intro?.activityMinutes ?? 0}
    for (const source of unit.pages) {
      const result = results.get(source.relPath)
      if (!result) continue
      // A page's study time is its `study_time`, else the time of its activities.
      const studyTime = result.studyTime ?? result.activityMinutes
      const nav: PageNav = {title: result.title, href: source.outPath, kind: source.kind, studyTime}
      pageTime += studyTime ?? 0
      activities.count += result.activityCount ?? 0
      activities.minutes += result.activityMinutes ?? 0
      pages.push(nav)
      sequence.push(nav)
    }
    const studyTime = unit.studyTime ?? (pageTime > 0 ? pageTime : undefined)
    if (studyTime !== undefined) {
      anyTime = true
      total += studyTime
    }
    return {
      slug: unit.slug,
      title: unit.title,
      summary: unit.summary,
      studyTime,
      learningOutcomes: unit.learningOutcomes,
      href: `${unit.slug}/index.html`,
      pages,
      ...(activities.count > 0 ? {activities} : {}),
    }
  })
  return {units, sequence, studyTime: anyTime ? total : undefined}
}
