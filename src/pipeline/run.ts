import {existsSync} from 'node:fs'
import {dirname, join, relative, resolve, sep} from 'node:path'
import type {ResolvedConfig} from '../config/schema.js'
import type {BuildContext, Course, PageResult, PageSource, Unit} from './types.js'
import {loadConfig, findConfigFile} from '../config/load.js'
import {discoverCourse} from '../load/discover.js'
import {discoverBookCourse} from '../load/jupyter-book/course.js'
import {createLog, countBySeverity, type Diagnostic, type Log} from '../diagnostics/report.js'
import {CoursebookError, OutputUnsafe} from '../diagnostics/errors.js'
import type {PageOutcome} from './page.js'
import {renderCourse} from './cached-render.js'
import {PageCache} from '../cache/page-cache.js'
import {openCacheStore} from '../cache/store.js'
import {configDigest} from '../cache/config-digest.js'
import {digest} from '../cache/digest.js'
import {startPagePool, type PagePool} from './pool.js'
import {PhaseTimer, type PhaseTiming} from './timings.js'
import {linkCourse} from './link.js'
import {pageVisibleTo} from './page-audience.js'
import {glossaryTerms, linkCourseReferences} from './link-references.js'
import {renderSite, type LayoutMemo} from '../render/site.js'
import {staticAssets} from '../write/assets.js'
import {writeSiteAtomically, type SiteEntry} from '../write/site.js'
import {rememberWrittenFiles, writeChangedFiles, type WriteState} from '../write/changed.js'
import {loadTheme} from '../render/theme.js'
import {exportOuxml, withOutputs, type OuxmlExportOptions, type OuxmlExportResult} from '../export/ouxml/export.js'
import {finishLaunchLinks, startLaunchGit} from '../checks/launch-stage.js'
import {statusPage, wantsStatusPage} from '../render/status/index.js'
import {scheduleReleases} from '../load/release.js'
import {heldTargets, unlinkHeldBack} from './held-links.js'
import {MINISEARCH_JS, THEME_ASSETS} from '../write/assets.js'
import {SEARCH_INDEX_JS, searchIndexFile} from '../render/search/index.js'
import {FEED_PATH, feedFiles, feedUnits} from '../render/feed/index.js'

export interface BuildOptions {
  /** Config file; found in `cwd` when neither this nor `config` is given. */
  configPath?: string
  /** An already resolved config (API and tests). */
  config?: ResolvedConfig
  /** Overrides the config's output folder (relative to `cwd`). */
  outDir?: string
  cwd?: string
  /** Worker threads besides the main one (default: cores − 1 from 4 cores up, else 0; 0 renders on the main thread only). */
  workers?: number
  /**
   * Whether a helper thread parses the pages' Markdown and highlights their code ahead of the main
   * thread (default: when the default leaves no page workers and there are at least two cores).
   */
  helperThread?: boolean
  /** Called after each page with the count done and the total. */
  onProgress?: (done: number, total: number) => void
  /** Reuse unchanged pages from the persistent cache in `.coursebook/cache/` (default true). */
  cache?: boolean
  /** Outcomes known to be current, from a previous build in the same process (`coursebook dev`). */
  reuse?: ReadonlyMap<string, PageOutcome>
  /**
   * Write only what changed since the last build with this state (`coursebook dev`), file by
   * file, instead of replacing the whole site atomically.
   */
  writeState?: WriteState
  /** `dev`: the page layouts of the previous build, reused for pages whose content and navigation did not change. */
  layouts?: LayoutMemo
  /**
   * What to write (default: the website, with the OU-XML export in `ouxml/` when `ouxml.enabled`).
   * `{html: false}` writes only the export, into `outDir` (default `<config outDir>/ouxml`).
   */
  outputs?: {html?: boolean; ouxml?: boolean}
  /** The OU-XML export's own options: units, validation, schema. */
  ouxml?: OuxmlExportOptions
  /**
   * Check the launch links in the content folder's git repository (default: yes, except in a `dev`
   * rebuild after the first, recognised by a `writeState` that already holds the first build's files).
   */
  launchChecks?: boolean
  /** The moment to build for, against the units' release dates (default: now; `--now` previews a later date). */
  now?: Date
  /** Who the build is for, overriding the config's `audience` (`--audience`). */
  audience?: ResolvedConfig['audience']
}

export interface BuildResult {
  config: ResolvedConfig
  diagnostics: readonly Diagnostic[]
  pages: PageResult[]
  outPath: string
  /** Number of files written into the site. */
  fileCount: number
  /** Every page's outcome, keyed by content-relative source path (for the next incremental build). */
  outcomes: Map<string, PageOutcome>
  /** The pages rendered by this build; the others came from the cache. */
  rendered: string[]
  /** Site paths written by this build (every file, unless `writeState` was given). */
  written: string[]
  /** The OU-XML documents written, when the export ran. */
  ouxml?: OuxmlExportResult
  /** Wall time of each phase of the build, in order (`coursebook build --timings` prints them). */
  timings: PhaseTiming[]
}

/**
 * Build the course website: load the config, discover the course, render every
 * page, link the navigation, apply the layouts and write the site atomically.
 * Content problems are diagnostics in the result; tool, config and I/O
 * failures throw a `CoursebookError` and leave any previous site untouched.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd()
  // With a page cache in place most pages are usually reused, so workers start only when needed.
  const warm = options.cache !== false && existsSync(join(dirname(options.config?.configPath ?? options.configPath ?? join(cwd, 'x')), '.coursebook', 'cache', 'pages'))
  const pool = startPagePool(options.workers, {eager: !warm && !options.reuse, helper: options.helperThread})
  try {
    return await buildWith(pool, options, cwd)
  } finally {
    await pool.close()
  }
}

async function buildWith(pool: PagePool, options: BuildOptions, cwd: string): Promise<BuildResult> {
  const timer = new PhaseTimer()
  const loaded = options.config ? undefined : await loadConfig(options.configPath ?? findConfigFile(cwd))
  const chosen = options.config ?? loaded!.config
  const config = withOutputs(options.audience && options.audience !== chosen.audience ? Object.freeze({...chosen, audience: options.audience}) : chosen, options.outputs)
  const html = options.outputs?.html !== false
  const outPath = options.outDir ? resolve(cwd, options.outDir) : html ? config.outPath : join(config.outPath, 'ouxml')
  assertSafeOutput(config, outPath)
  const log = createLog(config.diagnostics)
  timer.lap('config')
  for (const d of loaded?.diagnostics ?? []) log.add(d)
  // A Jupyter Book's table of contents, when the config names one, decides the units and pages instead of the folders.
  const discovered = (config.toc ? discoverBookCourse : discoverCourse)(config, (d) => log.add(d))
  const now = options.now ?? new Date()
  const schedule = scheduleReleases(discovered, {now, audience: config.audience}, config.contentPath, (d) => log.add(d))
  const course = schedule.published
  timer.lap('discover')
  const launchChecks = options.launchChecks ?? !options.writeState?.size
  // Git runs beside the page rendering: the launch links need the commit and the repository only afterwards.
  const launchGit = startLaunchGit(config, {check: launchChecks})
  // Pages render against the whole course, held-back units included: a link to a held-back page stays a
  // page link (its source is never copied into the site), and a page renders the same before and after a release.
  const ctx: BuildContext = Object.freeze({config, log, pagesBySource: discovered.pagesBySource, units: discovered.units})

  let done = 0
  const cache = options.cache === false ? undefined : new PageCache(openCacheStore(cacheFolder(config, 'pages')), configDigest(config))
  const {outcomes, rendered} = await renderCourse(pool, ctx, {...discovered, pages: course.pages}, {
    cache,
    reuse: options.reuse,
    onPage: () => options.onProgress?.(++done, course.pages.length),
  })
  timer.lap('pages')
  const results = new Map<string, PageResult>()
  const entries: SiteEntry[] = []
  // Diagnostics and files in reading order, whichever thread finished first.
  for (const source of course.pages) {
    const {result, diagnostics} = outcomes.get(source.relPath)!
    for (const d of diagnostics) log.add(d)
    // A page for tutors or the team is rendered (its problems are reported) but left out of wider builds.
    if (result && pageVisibleTo(result.meta, config.audience)) {
      results.set(source.relPath, result)
      entries.push(...result.assets)
    }
  }
  // Once per build, off the per-page path: pin the launch links to the commit, and check them in git (not on `dev` rebuilds).
  for (const d of await finishLaunchLinks(config, [...results.values()], {check: launchChecks, git: launchGit})) log.add(d)
  // Links to held-back pages are shown as text in this build only: the outcomes (cached, reused by `dev`) keep them.
  const held = heldTargets(schedule.held, config.contentPath)
  const unlink = (result: PageResult) => unlinkHeldBack(result, held, (d) => log.add(d))
  for (const [relPath, result] of results) {
    const body = unlink(result)
    if (body !== result.body) results.set(relPath, {...result, body})
  }
  timer.lap('launch links')
  const intros = await renderIntros(ctx, course, log, entries, cache, unlink)
  const references = linkCourseReferences(config, course, results, intros, (d) => log.add(d))
  timer.lap('introductions and references')
  const exportUnits = async () => {
    if (!config.ouxml.enabled) return undefined
    const exported = await exportOuxml({...options.ouxml, config, course, results, intros: intros.results, log, references, cache: options.cache === false ? undefined : openCacheStore(cacheFolder(config, 'ouxml'))})
    timer.lap('OU-XML')
    return exported
  }
  // `dev` writes the pages first and what only depends on them (the export, the search index) after, so an edit shows sooner.
  // A session's first build writes the whole site atomically (below), so that its folder holds nothing else.
  const pagesFirst = Boolean(options.writeState?.size) && html
  let ouxml = pagesFirst ? undefined : await exportUnits()
  if (!html) {
    await writeSiteAtomically(outPath, ouxml?.entries ?? [], {manifest: siteManifestPath(config, outPath, options)})
    timer.lap('write')
    return {config, diagnostics: log.diagnostics, pages: [...results.values()], outPath, fileCount: ouxml?.entries.length ?? 0, outcomes, rendered, written: ouxml?.entries.map((e) => e.outPath) ?? [], ouxml, timings: timer.phases}
  }

  const theme = await loadTheme(config)
  const assets = staticAssets(theme)
  const pages = [...results.values()]
  const nav = linkCourse(course, results, intros.results)
  for (const unit of nav.units) unit.releasesOn = schedule.upcoming.get(unit.slug)?.toISOString()
  const feeds = feedFiles({config, units: feedUnits(course.units, results, schedule.upcoming), hrefs: ['index.html', ...nav.units.flatMap((u) => [u.href, ...u.pages.map((p) => p.href)])], now, report: (d) => log.add(d)})
  const files = renderSite({
    config,
    theme,
    nav,
    pages,
    courseIntro: intros.course,
    unitIntros: intros.units,
    stylesheets: assets.stylesheets,
    searchScripts: theme.search ? [MINISEARCH_JS, SEARCH_INDEX_JS, `${THEME_ASSETS}/search.js`] : undefined,
    feed: feeds.some((f) => f.outPath === FEED_PATH) ? FEED_PATH : undefined,
    glossary: glossaryTerms(references),
    memo: options.layouts,
  })
  timer.lap('layouts')
  const searchStore = options.cache === false ? undefined : openCacheStore(cacheFolder(config, 'search'))
  const searchIndex = () => searchIndexFile({units: nav.units, pages: new Map(pages.map((p) => [p.source.outPath, p])), unitIntros: intros.units}, searchStore)
  const exportedFiles = (exported: OuxmlExportResult | undefined) => exported?.entries.map((e) => ({...e, outPath: `ouxml/${e.outPath}`})) ?? []
  // Made after the export, because the status page reports every problem of the build, the export's included.
  const lastFiles = async (): Promise<SiteEntry[]> => [
    ...(theme.search ? [await searchIndex()] : []),
    ...(wantsStatusPage(config) ? [await statusPage({config, units: course.units, results, diagnostics: log.diagnostics, stylesheets: assets.stylesheets.filter((href) => theme.stylesheets.some((sheet) => href.endsWith(`/${sheet}`)))})] : []),
  ]
  const all = [...files, ...feeds, ...assets.entries, ...entries]
  let written: string[]
  if (options.writeState?.size) {
    written = await writeChangedFiles(outPath, all, options.writeState, {partial: true})
    timer.lap('write pages')
    ouxml = await exportUnits()
    all.push(...exportedFiles(ouxml), ...(await lastFiles()))
    timer.lap('search index and status')
    written.push(...(await writeChangedFiles(outPath, all, options.writeState)))
  } else {
    all.push(...exportedFiles(ouxml), ...(await lastFiles()))
    timer.lap('search index and status')
    await writeSiteAtomically(outPath, all, {manifest: siteManifestPath(config, outPath, options)})
    written = [...new Set(all.map((e) => e.outPath))]
    if (options.writeState) rememberWrittenFiles(options.writeState, all)
  }
  timer.lap('write')
  return {config, diagnostics: log.diagnostics, pages, outPath, fileCount: new Set(all.map((e) => e.outPath)).size, outcomes, rendered, written, ouxml, timings: timer.phases}
}

/** Render the course's and the units' `index.md` introductions, through the page cache like pages. */
async function renderIntros(ctx: BuildContext, course: Course, log: Log, entries: SiteEntry[], cache: PageCache | undefined, unlink: (result: PageResult) => string) {
  const units = new Map<string, string>()
  const results = new Map<string, PageResult>()
  const pagesByFile = new Map(course.pages.map((p) => [p.path, p]))
  const render = async (source: PageSource) => {
    let outcome = await cache?.lookup(source, pagesByFile)
    if (!outcome) {
      outcome = await (await import('./page.js')).processPage(ctx, source)
      await cache?.save(source, outcome, pagesByFile)
    }
    const {result, diagnostics} = outcome
    for (const d of diagnostics) log.add(d)
    if (result) entries.push(...result.assets)
    // By unit slug; the course home's under ''.
    if (result && source.order === -1) results.set(source.unit.slug, result)
    return result ? unlink(result) : undefined
  }
  let courseIntro: string | undefined
  if (course.intro) {
    const unit: Unit = {dir: '', slug: '', title: ctx.config.title, learningOutcomes: [], meta: {}, pages: []}
    courseIntro = await render({path: course.intro.path, relPath: 'index.md', kind: 'markdown', outPath: 'index.html', unit, order: -1})
  }
  for (const unit of course.units) {
    if (!unit.intro) continue
    const body = await render({path: unit.intro.path, relPath: `${unit.dir}/index.md`, kind: 'markdown', outPath: `${unit.slug}/index.html`, unit, order: -1})
    if (body) units.set(unit.slug, body)
  }
  return {course: courseIntro, units, results}
}

/** A folder of the build cache, `.coursebook/cache/<name>` beside the config. */
function cacheFolder(config: ResolvedConfig, name: 'pages' | 'ouxml' | 'search' | 'site'): string {
  return join(config.root, '.coursebook', 'cache', name)
}

/**
 * Where the manifest of the site written to `outPath` is kept (one per output
 * folder), or undefined when the build runs without its cache.
 */
export function siteManifestPath(config: ResolvedConfig, outPath: string, options: Pick<BuildOptions, 'cache'> = {}): string | undefined {
  if (options.cache === false) return undefined
  return join(cacheFolder(config, 'site'), `${digest('site', outPath)}.json`)
}

/** Refuse an output folder that would replace the course itself (a folder under the content's `_build` is allowed). */
function assertSafeOutput(config: ResolvedConfig, outPath: string): void {
  const inside = (child: string, parent: string) => {
    const rel = relative(parent, child)
    return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !resolve(rel).startsWith('..'))
  }
  // Jupyter Book's own output folder, `_build`, is never read as content: a site may go inside it.
  const inBuildFolder = (path: string) => inside(path, join(config.contentPath, '_build')) && path !== join(config.contentPath, '_build')
  if (inside(config.root, outPath) || inside(config.contentPath, outPath) || (inside(outPath, config.contentPath) && !inBuildFolder(outPath))) {
    throw new CoursebookError(OutputUnsafe, `Output folder ${outPath} would overwrite the course in ${config.root}`)
  }
}

/** Whether a build's diagnostics should fail the command. */
export function isFailure(diagnostics: readonly Diagnostic[], strict: boolean): boolean {
  const counts = countBySeverity(diagnostics)
  return counts.error > 0 || (strict && counts.warning > 0)
}
