import type {Course, PageResult} from './types.js'
import type {PageNav, UnitNav} from '../render/layout/types.js'

export interface CourseNav {
  units: UnitNav[]
  /** Every built page in reading order, for previous/next. */
  sequence: PageNav[]
  /** Course study time: declared unit times, else the sum of their pages. */
  studyTime?: number
}

/**
 * The one cross-file step: once every page is rendered, build the course
 * navigation from titles and order. Pages that failed to parse are left out.
 */
export function linkCourse(course: Course, results: ReadonlyMap<string, PageResult>): CourseNav {
  const sequence: PageNav[] = []
  let total = 0
  let anyTime = false
  const units = course.units.map((unit): UnitNav => {
    const pages: PageNav[] = []
    let pageTime = 0
    for (const source of unit.pages) {
      const result = results.get(source.relPath)
      if (!result) continue
      const nav: PageNav = {title: result.title, href: source.outPath, kind: source.kind, studyTime: result.studyTime}
      pageTime += result.studyTime ?? 0
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
    }
  })
  return {units, sequence, studyTime: anyTime ? total : undefined}
}
