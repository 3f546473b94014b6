import type {PageResult} from '../../pipeline/types.js'
import type {UnitNav} from '../layout/types.js'
import {escapeHtml} from '../layout/html.js'
import type {CacheStore} from '../../cache/store.js'
import {contentHash, digest} from '../../cache/digest.js'
import {rememberInSlot} from '../../cache/slot-memo.js'
import {buildSearchIndex, searchIndexScript, type SearchPage} from './build-index.js'

export {buildSearchIndex, searchIndexScript, type SearchPage, type SearchData} from './build-index.js'
export {extractSections, type PageSection} from './extract.js'

/** The search page, at the site root. */
export const SEARCH_PAGE = 'search.html'
/** The index, as a script assigning a global (see `searchIndexScript`). */
export const SEARCH_INDEX_JS = 'assets/search/index.js'

export interface SearchInput {
  /** The units as the site publishes them, in order. */
  units: readonly UnitNav[]
  /** Every published page, by href. */
  pages: ReadonlyMap<string, PageResult>
  /** Rendered unit introductions, by unit slug. */
  unitIntros: ReadonlyMap<string, string>
}

/**
 * The search index of the site, as the file to write: every unit overview
 * (its summary, learning outcomes and introduction) and every page, in
 * reading order, from the HTML they were rendered to, so what the index
 * holds is exactly what the build published.
 */
export async function searchIndexFile(input: SearchInput, store?: CacheStore): Promise<{outPath: string; data: string}> {
  const pages: SearchPage[] = []
  for (const unit of input.units) {
    const outcomes = unit.learningOutcomes.map((o) => `<li>${escapeHtml(o)}</li>`).join('')
    const overview = `${unit.summary ? `<p>${escapeHtml(unit.summary)}</p>` : ''}${outcomes ? `<ul>${outcomes}</ul>` : ''}${input.unitIntros.get(unit.slug) ?? ''}`
    pages.push({title: unit.title, unit: unit.title, href: unit.href, html: overview})
    for (const nav of unit.pages) {
      const page = input.pages.get(nav.href)
      if (page) pages.push({title: page.title, unit: unit.title, href: nav.href, html: page.body})
    }
  }
  return {outPath: SEARCH_INDEX_JS, data: await memoIndex(pages, store)}
}

/**
 * The index script of `pages`, reused when no page changed since the last
 * build (see `rememberInSlot`).
 */
async function memoIndex(pages: SearchPage[], store: CacheStore | undefined): Promise<string> {
  const inputs = digest('search-index', pages.map((p) => [p.title, p.unit, p.href, contentHash(p.html)]) as never)
  const script = await rememberInSlot(digest('search-index'), inputs, () => Buffer.from(searchIndexScript(buildSearchIndex(pages))), store)
  return Buffer.from(script.buffer, script.byteOffset, script.byteLength).toString('utf8')
}
