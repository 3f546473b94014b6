import type {ResolvedConfig} from '../../config/schema.js'
import type {PageResult, Unit} from '../../pipeline/types.js'
import type {Diagnostic} from '../../diagnostics/report.js'
import {atomFeed, FEED_PATH, type FeedUnit} from './atom.js'
import {sitemap, SITEMAP_PATH} from './sitemap.js'

export {atomFeed, FEED_PATH, type FeedUnit} from './atom.js'
export {sitemap, SITEMAP_PATH} from './sitemap.js'

/**
 * The units a feed announces: those published and released (a tutor build's
 * units still to come are left out), each with the launch link of its first
 * notebook that has one (its first launch link, the main button).
 */
export function feedUnits(units: readonly Unit[], results: ReadonlyMap<string, PageResult>, upcoming: ReadonlyMap<string, Date>): FeedUnit[] {
  return units
    .filter((unit) => !upcoming.has(unit.slug))
    .map((unit) => {
      const notebook = unit.pages.map((page) => results.get(page.relPath)).find((result) => result?.source.kind === 'notebook' && result.launch?.length)
      const launch = notebook?.launch?.[0]
      return {
        title: unit.title,
        summary: unit.summary,
        href: `${unit.slug}/index.html`,
        release: unit.release,
        launch: launch ? {title: `${launch.label}: ${notebook!.title}`, url: launch.url} : undefined,
      }
    })
}

export interface FeedInput {
  config: ResolvedConfig
  units: readonly FeedUnit[]
  /** Site-root-relative hrefs of every page for the sitemap, in order. */
  hrefs: readonly string[]
  /** The moment the build is made for; its day (UTC) dates the entries that have no release date. */
  now: Date
  report: (d: Diagnostic) => void
}

/**
 * `feed.xml` and `sitemap.xml`, which need absolute URLs: without `baseUrl`
 * neither is written, and one `feed-needs-base-url` note says so. The build
 * date is taken to the day, so rebuilding unchanged content gives the same bytes.
 */
export function feedFiles(input: FeedInput): Array<{outPath: string; data: string}> {
  const {config} = input
  if (!config.baseUrl) {
    input.report({
      severity: 'info',
      ruleId: 'feed-needs-base-url',
      message: 'No feed.xml or sitemap.xml was written: they need absolute URLs, and the config sets no baseUrl',
      file: config.configPath,
    })
    return []
  }
  const day = new Date(Date.UTC(input.now.getUTCFullYear(), input.now.getUTCMonth(), input.now.getUTCDate()))
  return [
    {outPath: FEED_PATH, data: atomFeed({...config, baseUrl: config.baseUrl}, input.units, day)},
    {outPath: SITEMAP_PATH, data: sitemap(config.baseUrl, input.hrefs)},
  ]
}
