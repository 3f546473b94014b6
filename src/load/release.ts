import {join} from 'node:path'
import type {Course, Unit} from '../pipeline/types.js'
import type {Diagnostic} from '../diagnostics/report.js'

/** Who a build is for: students see only released units; tutors and the course team see every unit. */
export type ReleaseAudience = 'student' | 'tutor' | 'team'

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i

/**
 * Read a release date as written in unit metadata (`release: 2026-10-05`).
 * A date alone means the start of that day in UTC, so that a course builds
 * the same on every machine whatever its time zone; a date and time without
 * a zone is UTC too. Returns undefined for a missing value, `null` for one
 * that is not a date.
 */
export function parseReleaseDate(value: unknown): Date | null | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value
  if (typeof value !== 'string') return null
  const text = value.trim()
  const date = DATE.exec(text)
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])]
    const parsed = new Date(Date.UTC(year, month - 1, day))
    // `Date.UTC` rolls 2026-02-30 over into March; a day that does not exist is an error.
    return parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day ? parsed : null
  }
  if (!DATE_TIME.test(text)) return null
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`
  const parsed = new Date(zoned.replace(' ', 'T'))
  return Number.isNaN(parsed.getTime()) ? null : parsed
}

/** Read a unit's `release` value, reporting one that is not a date (the unit is then released). */
export function readRelease(value: unknown, file: string, report: (d: Diagnostic) => void): Date | undefined {
  const date = parseReleaseDate(value)
  if (date !== null) return date
  report({
    severity: 'warning',
    ruleId: 'release-invalid',
    message: `release: ${JSON.stringify(value)} is not a date, so the unit is published now`,
    hint: 'Write the date as YYYY-MM-DD, e.g. release: 2026-10-05 (or a date and time with a zone, 2026-10-05T09:00+01:00).',
    file,
  })
  return undefined
}

/** A release date as readers and authors read it: `5 October 2026`, with the time when it is not midnight UTC. */
export function describeRelease(date: Date): string {
  const day = new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'}).format(date)
  const time = date.toISOString().slice(11, 16)
  return time === '00:00' ? day : `${day}, ${time} UTC`
}

export interface ReleaseOptions {
  /** The moment the build is made for: now, or the `--now` of a preview. */
  now: Date
  audience: ReleaseAudience
}

/** Which units a build publishes, given their release dates. */
export interface ReleaseSchedule {
  /** The course as this build publishes it: held-back units and their pages left out. */
  published: Course
  /** Units left out because a student build was made before their release. */
  held: Unit[]
  /** Units published although their release date is still to come (tutor and team builds), by slug. */
  upcoming: ReadonlyMap<string, Date>
}

/**
 * Apply the release schedule to the discovered course. A student build
 * leaves out every unit whose release date is after `options.now`, with an
 * info diagnostic each; a tutor or team build keeps every unit and lists the
 * unreleased ones in `upcoming`, for the navigation to mark. This decides
 * which pages exist, before any is rendered, so a page's rendering (and its
 * cache entry) never depends on the date.
 */
export function scheduleReleases(course: Course, options: ReleaseOptions, contentPath: string, report: (d: Diagnostic) => void): ReleaseSchedule {
  const pending = course.units.filter((unit) => unit.release !== undefined && unit.release.getTime() > options.now.getTime())
  if (options.audience !== 'student') {
    return {published: course, held: [], upcoming: new Map(pending.map((unit) => [unit.slug, unit.release!]))}
  }
  for (const unit of pending) {
    report({
      severity: 'info',
      ruleId: 'unit-held-back',
      message: `${unit.title} is released on ${describeRelease(unit.release!)}, so this student build leaves it out`,
      hint: `Preview it with --now ${unit.release!.toISOString().slice(0, 10)}, or build for tutors.`,
      file: join(contentPath, unit.dir),
    })
  }
  const held = new Set(pending)
  const units = course.units.filter((unit) => !held.has(unit))
  const pages = course.pages.filter((page) => !held.has(page.unit))
  return {
    published: {...course, units, pages, pagesBySource: new Map(pages.map((page) => [page.relPath, page]))},
    held: pending,
    upcoming: new Map(),
  }
}
