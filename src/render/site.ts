import type {ResolvedConfig} from '../config/schema.js'
import type {PageResult} from '../pipeline/types.js'
import type {CourseNav} from '../pipeline/link.js'
import type {CourseData, GlossaryLayoutData, LayoutContext, Theme} from './layout/types.js'
import {raw, type SafeHtml} from './layout/html.js'
import {rootPrefix} from '../pipeline/urls.js'
import {SEARCH_PAGE} from './search/index.js'
import {GLOSSARY_PAGE} from '../pipeline/cross-references.js'

/** A page of the finished site: where it goes and its HTML. */
export interface RenderedFile {
  outPath: string
  data: string
}

export interface SiteInput {
  config: ResolvedConfig
  theme: Theme
  nav: CourseNav
  pages: readonly PageResult[]
  /** Rendered intro of the course home and of each unit (by unit slug). */
  courseIntro?: string
  unitIntros: ReadonlyMap<string, string>
  /** Site-root-relative stylesheets, in order. */
  stylesheets: string[]
  bodyEnd?: SafeHtml
  /** Site-root-relative scripts of the search page; with them (and a theme with a search layout) the site gets `search.html`. */
  searchScripts?: string[]
  /** Site-root-relative href of the Atom feed, when one is written. */
  feed?: string
  /** The course glossary, alphabetical; with terms (and a theme with a glossary layout) the site gets `glossary.html`. */
  glossary?: GlossaryLayoutData['terms']
  /** The page layouts of an earlier call (`dev` keeps one between rebuilds), reused where nothing they show changed. */
  memo?: LayoutMemo
}

/**
 * Content pages as the theme laid them out, by site path, with what they were
 * laid out from: the page layout function, the page's body (compared by
 * identity: a reused page keeps its body string) and everything else the
 * layout was given, as JSON. In `dev`, one edit re-renders one page, and
 * every other page keeps the same HTML string, which the changed-file check
 * then recognises at once instead of comparing its text.
 */
export class LayoutMemo {
  layout: unknown
  readonly pages = new Map<string, {body: string; context: string; html: string}>()
}

/** Apply the theme's layouts: the course home, one page per unit, and every content page. */
export function renderSite(input: SiteInput): RenderedFile[] {
  const {config, theme, nav} = input
  const course: CourseData = {
    code: config.code,
    title: config.title,
    presentation: config.presentation,
    description: config.description,
    authors: config.authors.map((a) => (typeof a === 'string' ? a : a.name)),
    language: config.language,
    studyTime: nav.studyTime,
  }
  const searchPage = theme.search && input.searchScripts ? SEARCH_PAGE : undefined
  const glossaryPage = theme.glossary && input.glossary && input.glossary.length > 0 ? GLOSSARY_PAGE : undefined
  const context = (href: string): LayoutContext => ({
    root: rootPrefix(href),
    course,
    units: nav.units,
    stylesheets: input.stylesheets,
    href,
    bodyEnd: input.bodyEnd,
    brand: theme.brand,
    search: searchPage,
    feed: input.feed,
    glossaryHref: glossaryPage,
  })
  const files: RenderedFile[] = []
  const intro = (html: string | undefined) => (html ? raw(html) : undefined)
  files.push({outPath: 'index.html', data: theme.home({...context('index.html'), intro: intro(input.courseIntro)}).value})
  for (const unit of nav.units) {
    files.push({outPath: unit.href, data: theme.unit({...context(unit.href), unit, intro: intro(input.unitIntros.get(unit.slug))}).value})
  }
  const position = new Map(nav.sequence.map((p, i) => [p.href, i]))
  const memo = input.memo
  if (memo && memo.layout !== theme.page) {
    memo.pages.clear()
    memo.layout = theme.page
  }
  // What every page's layout is given besides its own page, as JSON once.
  const shared = memo ? JSON.stringify({course, units: nav.units, stylesheets: input.stylesheets, bodyEnd: input.bodyEnd?.value, brand: theme.brand, searchPage, feed: input.feed, glossaryPage}) : ''
  for (const page of input.pages) {
    const href = page.source.outPath
    const unit = nav.units.find((u) => u.slug === page.source.unit.slug)!
    const at = position.get(href) ?? -1
    const data = {
      title: page.title,
      kind: page.source.kind,
      headings: page.headings,
      launch: page.launch,
      downloadHref: page.downloadPath,
      meta: page.meta,
      studyTime: page.studyTime ?? page.activityMinutes,
    }
    const prev = at > 0 ? nav.sequence[at - 1] : undefined
    const next = at >= 0 ? nav.sequence[at + 1] : undefined
    const key = memo ? `${shared}\n${JSON.stringify({href, unit: unit.slug, data, prev, next})}` : ''
    const known = memo?.pages.get(href)
    if (known && known.body === page.body && known.context === key) {
      files.push({outPath: href, data: known.html})
      continue
    }
    const html = theme.page({...context(href), unit, page: {...data, body: raw(page.body)}, prev, next}).value
    memo?.pages.set(href, {body: page.body, context: key, html})
    files.push({outPath: href, data: html})
  }
  // Pages gone from the course leave the memo too.
  if (memo) {
    const current = new Set(input.pages.map((p) => p.source.outPath))
    for (const href of memo.pages.keys()) if (!current.has(href)) memo.pages.delete(href)
  }
  if (glossaryPage) files.push({outPath: glossaryPage, data: theme.glossary!({...context(glossaryPage), terms: input.glossary!}).value})
  if (searchPage) files.push({outPath: searchPage, data: theme.search!({...context(searchPage), scripts: input.searchScripts!}).value})
  return files
}
