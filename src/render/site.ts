import type {ResolvedConfig} from '../config/schema.js'
import type {PageResult} from '../pipeline/types.js'
import type {CourseNav} from '../pipeline/link.js'
import type {CourseData, LayoutContext, Theme} from './layout/types.js'
import {raw, type SafeHtml} from './layout/html.js'
import {rootPrefix} from '../pipeline/urls.js'

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
  const context = (href: string): LayoutContext => ({
    root: rootPrefix(href),
    course,
    units: nav.units,
    stylesheets: input.stylesheets,
    href,
    bodyEnd: input.bodyEnd,
  })
  const files: RenderedFile[] = []
  const intro = (html: string | undefined) => (html ? raw(html) : undefined)
  files.push({outPath: 'index.html', data: theme.home({...context('index.html'), intro: intro(input.courseIntro)}).value})
  for (const unit of nav.units) {
    files.push({outPath: unit.href, data: theme.unit({...context(unit.href), unit, intro: intro(input.unitIntros.get(unit.slug))}).value})
  }
  const position = new Map(nav.sequence.map((p, i) => [p.href, i]))
  for (const page of input.pages) {
    const href = page.source.outPath
    const unit = nav.units.find((u) => u.slug === page.source.unit.slug)!
    const at = position.get(href) ?? -1
    files.push({
      outPath: href,
      data: theme.page({
        ...context(href),
        unit,
        page: {
          title: page.title,
          kind: page.source.kind,
          body: raw(page.body),
          headings: page.headings,
          binderUrl: page.binderUrl,
          downloadHref: page.downloadPath,
          meta: page.meta,
          studyTime: page.studyTime,
        },
        prev: at > 0 ? nav.sequence[at - 1] : undefined,
        next: at >= 0 ? nav.sequence[at + 1] : undefined,
      }).value,
    })
  }
  return files
}
