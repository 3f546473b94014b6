import type {Course, PageSource} from './types.js'
import type {PagePool} from './pool.js'
import type {PageContext, PageOutcome} from './page.js'
import type {PageCache} from '../cache/page-cache.js'

export interface CachedRenderOptions {
  /** Outcomes known to be current (a `dev` session's previous build, minus what changed). */
  reuse?: ReadonlyMap<string, PageOutcome>
  /** The persistent cache, checked page by page against the page's inputs. */
  cache?: PageCache
  onPage?: () => void
}

/**
 * Render the pages of the course that need it: an outcome is taken from
 * `reuse`, else from the persistent cache when every input is unchanged, else
 * rendered by the pool (and then stored). Returns every page's outcome and
 * the list of pages actually rendered.
 */
export async function renderCourse(
  pool: PagePool,
  ctx: PageContext,
  course: Course,
  options: CachedRenderOptions = {},
): Promise<{outcomes: Map<string, PageOutcome>; rendered: string[]}> {
  const outcomes = new Map<string, PageOutcome>()
  const pagesByFile = new Map(course.pages.map((p) => [p.path, p]))
  const toRender: PageSource[] = []
  await Promise.all(
    course.pages.map(async (source) => {
      const known = options.reuse?.get(source.relPath) ?? (await options.cache?.lookup(source, pagesByFile))
      if (!known) return toRender.push(source)
      outcomes.set(source.relPath, {diagnostics: known.diagnostics, result: known.result ? {...known.result, source} : undefined})
      options.onPage?.()
    }),
  )
  const pending = new Set(toRender)
  const ordered = course.pages.filter((p) => pending.has(p))
  const fresh = ordered.length > 0 ? await pool.render(ctx, course, options.onPage, ordered) : new Map<string, PageOutcome>()
  for (const [relPath, outcome] of fresh) outcomes.set(relPath, outcome)
  if (options.cache) {
    await Promise.all(ordered.map((source) => options.cache!.save(source, fresh.get(source.relPath)!, pagesByFile)))
  }
  return {outcomes, rendered: ordered.map((p) => p.relPath)}
}
