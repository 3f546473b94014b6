import type {PageResult, Unit} from '../../pipeline/types.js'
import type {Diagnostic} from '../../diagnostics/report.js'
import {countProblems, emptyCounts, PROBLEM_KINDS, type ProblemKind} from './problems.js'

export interface PageStatus {
  title: string
  /** Site-root-relative href of the built page. */
  href: string
  relPath: string
  kind: 'notebook' | 'markdown'
  /** `status` front matter as written, lower-cased (draft, review, final, …). */
  status?: string
  /** Undefined when the page could not be built. */
  words?: number
  targetWords?: number
  studyTime?: number
  problems: Record<ProblemKind, number>
  /** ISO date of the last commit that changed the page's file; undefined outside git or when uncommitted. */
  lastChange?: string
}

export interface UnitStatus {
  title: string
  slug: string
  href: string
  words: number
  /** The unit's `target_words`, else the sum of its pages' targets when any page has one. */
  targetWords?: number
  /** The unit's declared `study_time` (minutes): the target the pages' times are measured against. */
  studyTimeTarget?: number
  /** The pages' study times, summed. */
  studyTime: number
  problems: Record<ProblemKind, number>
  pages: PageStatus[]
}

export interface CourseStatus {
  units: UnitStatus[]
  words: number
  /** The sum of the units' targets, when any unit has one. */
  targetWords?: number
  /** The words of the units that have a target, to set against `targetWords`. */
  targetedWords: number
  /** Every page's problems and those of the course as a whole (`elsewhere`). */
  problems: Record<ProblemKind, number>
  /** Problems not on a page: with the config (a launcher's branch or environment), unit metadata. */
  elsewhere: Record<ProblemKind, number>
  /** How many pages have each status (`none` for pages without one). */
  statuses: Map<string, number>
}

export interface StatusInput {
  units: readonly Unit[]
  /** Page results by content-relative source path. */
  results: ReadonlyMap<string, PageResult>
  diagnostics: readonly Diagnostic[]
  /** Content-relative path → ISO date of its last commit. */
  lastChanges: ReadonlyMap<string, string>
}

/**
 * Gather what the status page shows, unit by unit and page by page. A page's
 * `target_words` is its own only when it differs from its unit's (unit
 * metadata is inherited by every page, and the unit's target is for the whole
 * unit).
 */
export function courseStatus(input: StatusInput): CourseStatus {
  const problemsByFile = countProblems(input.diagnostics)
  const statuses = new Map<string, number>()
  const units = input.units.map((unit): UnitStatus => {
    const unitTarget = wordCount(unit.meta.target_words)
    const pages = unit.pages.map((source): PageStatus => {
      const result = input.results.get(source.relPath)
      const meta = result?.meta ?? {}
      const status = typeof meta.status === 'string' && meta.status.trim() ? meta.status.trim().toLowerCase() : undefined
      statuses.set(status ?? 'none', (statuses.get(status ?? 'none') ?? 0) + 1)
      return {
        title: result?.title ?? source.relPath,
        href: source.outPath,
        relPath: source.relPath,
        kind: source.kind,
        status,
        words: result?.words,
        targetWords: meta.target_words !== unit.meta.target_words ? wordCount(meta.target_words) : undefined,
        studyTime: result?.studyTime,
        problems: problemsByFile.get(source.path) ?? emptyCounts(),
        lastChange: input.lastChanges.get(source.relPath),
      }
    })
    const pageTargets = pages.filter((p) => p.targetWords !== undefined)
    return {
      title: unit.title,
      slug: unit.slug,
      href: `${unit.slug}/index.html`,
      words: sum(pages.map((p) => p.words ?? 0)),
      targetWords: unitTarget ?? (pageTargets.length > 0 ? sum(pageTargets.map((p) => p.targetWords!)) : undefined),
      studyTimeTarget: unit.studyTime,
      studyTime: sum(pages.map((p) => p.studyTime ?? 0)),
      problems: addCounts(pages.map((p) => p.problems)),
      pages,
    }
  })
  const targets = units.filter((u) => u.targetWords !== undefined)
  const pageFiles = new Set(input.units.flatMap((unit) => unit.pages.map((page) => page.path)))
  const elsewhere = addCounts([...problemsByFile].filter(([file]) => !pageFiles.has(file)).map(([, counts]) => counts))
  return {
    units,
    words: sum(units.map((u) => u.words)),
    targetWords: targets.length > 0 ? sum(targets.map((u) => u.targetWords!)) : undefined,
    targetedWords: sum(targets.map((u) => u.words)),
    problems: addCounts([...units.map((u) => u.problems), elsewhere]),
    elsewhere,
    statuses,
  }
}

/** A word target as written: a number, or text such as `5000` or `5,000`. */
function wordCount(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.replace(/[\s,_]/g, '')) : NaN
  return Number.isFinite(number) && number > 0 ? Math.round(number) : undefined
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

function addCounts(rows: Array<Record<ProblemKind, number>>): Record<ProblemKind, number> {
  const total = emptyCounts()
  for (const row of rows) for (const kind of PROBLEM_KINDS) total[kind] += row[kind]
  return total
}
