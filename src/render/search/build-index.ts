import MiniSearch from 'minisearch'
import {extractSections, type PageSection} from './extract.js'
import {contentHash} from '../../cache/digest.js'
import {encodePath} from '../../pipeline/urls.js'

/** A page as the search index sees it: its rendered body, titles and place. */
export interface SearchPage {
  title: string
  /** Title of the unit the page belongs to. */
  unit: string
  /** Site-root-relative href of the page. */
  href: string
  /** The rendered body (HTML). */
  html: string
}

/** One indexed section; short keys because every stored field is written into the site. */
interface SearchDocument {
  id: number
  /** Index of the page in `pages`. */
  p: number
  /** The section's anchor ('' for the top of the page). */
  a: string
  /** The section's heading ('' for the top of the page). */
  h: string
  /** The section's text, stored so that the browser can show a snippet around the words found. */
  t: string
  /** Indexed only: the page title with the section heading, so a query can name both. */
  k: string
}

/**
 * The options the browser must load the index with: MiniSearch needs the
 * same fields and stored fields it was built with. Tokenising and term
 * processing are MiniSearch's defaults on both sides.
 */
export const SEARCH_OPTIONS = {idField: 'id', fields: ['k', 't'], storeFields: ['p', 'a', 'h', 't']} as const

/** What the search page's script receives. */
export interface SearchData {
  options: typeof SEARCH_OPTIONS
  units: string[]
  /** Per page: title, index of its unit in `units`, site-root-relative href (percent-encoded). */
  pages: Array<[title: string, unit: number, href: string]>
  index: ReturnType<MiniSearch['toJSON']>
}

/**
 * Index every page of the course by section (heading), with MiniSearch, at
 * build time: the browser loads the index as it is, so a search costs no
 * indexing on the reader's machine.
 */
export function buildSearchIndex(pages: readonly SearchPage[]): SearchData {
  const units: string[] = []
  const unitIndex = new Map<string, number>()
  const search = new MiniSearch<SearchDocument>({...SEARCH_OPTIONS, fields: [...SEARCH_OPTIONS.fields], storeFields: [...SEARCH_OPTIONS.storeFields]})
  const documents: SearchDocument[] = []
  const table: SearchData['pages'] = []
  const seen = new Map<string, PageSection[]>()
  for (const page of pages) {
    let unit = unitIndex.get(page.unit)
    if (unit === undefined) {
      unit = units.push(page.unit) - 1
      unitIndex.set(page.unit, unit)
    }
    const p = table.push([page.title, unit, encodePath(page.href)]) - 1
    const sections = [...sectionsOf(page.html, seen)]
    // A page with no text still has its title to be found by.
    if (sections.length === 0 || sections[0]!.anchor !== '') sections.unshift({anchor: '', heading: '', text: ''})
    for (const section of sections) {
      documents.push({id: documents.length, p, a: section.anchor, h: section.heading, t: section.text, k: section.heading ? `${page.title} ${section.heading}` : page.title})
    }
  }
  search.addAll(documents)
  extracted = seen
  return {options: SEARCH_OPTIONS, units, pages: table, index: search.toJSON()}
}

/**
 * The sections of each page body seen by the last index build, by the
 * body's hash: a rebuild after one edit extracts that page's text again,
 * not every page's. Replaced on every build, so only current pages are held.
 */
let extracted = new Map<string, PageSection[]>()

function sectionsOf(html: string, seen: Map<string, PageSection[]>): readonly PageSection[] {
  const key = contentHash(html)
  const sections = seen.get(key) ?? extracted.get(key) ?? extractSections(html)
  seen.set(key, sections)
  return sections
}

/** The global the index script assigns, which the search page's script reads. */
export const SEARCH_GLOBAL = 'coursebookSearch'

/**
 * The index as a script that assigns a global: a page opened from `file://`
 * may load a script beside it but may not `fetch` a JSON file.
 */
export function searchIndexScript(data: SearchData): string {
  // JSON is JavaScript; U+2028 and U+2029 are escaped anyway for older parsers.
  const json = JSON.stringify(data).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
  return `globalThis.${SEARCH_GLOBAL} = ${json};\n`
}
