import type {SafeHtml} from './html.js'

/**
 * The template contract: what every layout receives. Every `href` here is
 * relative to the site root with no leading slash (e.g. `week-01/intro.html`);
 * layouts prefix it with `root`, which leads from the page being written back
 * to the site root (`''` on the home page, `'../'` one folder down). Only
 * relative URLs are produced, so a site works under any base path and from
 * `file://`.
 */
export interface LayoutContext {
  /** Relative prefix from this page to the site root: `''`, `'../'`, `'../../'`. */
  root: string
  course: CourseData
  /** Every unit in order, for the course navigation. */
  units: UnitNav[]
  /** Stylesheets to link, site-root-relative, in order. */
  stylesheets: string[]
  /** Site-root-relative href of the page being written (for marking the current nav entry). */
  href: string
  /** Extra markup for the end of `<body>` (the dev server's reload script); trusted. */
  bodyEnd?: SafeHtml
}

export interface CourseData {
  code: string
  title: string
  presentation?: string
  description?: string
  authors: string[]
  language: string
  /** Total study time in minutes, when any unit or page declares one. */
  studyTime?: number
}

export interface UnitNav {
  slug: string
  title: string
  summary?: string
  studyTime?: number
  learningOutcomes: string[]
  /** Href of the unit's index page. */
  href: string
  pages: PageNav[]
}

export interface PageNav {
  title: string
  href: string
  kind: 'notebook' | 'markdown'
  studyTime?: number
}

export interface HomeLayoutData extends LayoutContext {
  /** Rendered body of `content/index.md`, if the course has one. */
  intro?: SafeHtml
}

export interface UnitLayoutData extends LayoutContext {
  unit: UnitNav
  /** Rendered body of the unit's `index.md`, if it has one. */
  intro?: SafeHtml
}

export interface PageLayoutData extends LayoutContext {
  unit: UnitNav
  page: {
    title: string
    kind: 'notebook' | 'markdown'
    /** The rendered article body. */
    body: SafeHtml
    /** Depth-2 and depth-3 headings, for the in-page table of contents. */
    headings: Array<{depth: number; id: string; text: string}>
    /** Absolute Binder URL, when the page has a launch link. */
    binderUrl?: string
    /** Site-root-relative href of the downloadable `.ipynb`. */
    downloadHref?: string
    /** Merged metadata (course → unit → page). */
    meta: Record<string, unknown>
    studyTime?: number
  }
  prev?: PageNav
  next?: PageNav
}

/** A theme: one function per layout, each returning a complete HTML document. */
export interface Theme {
  home(data: HomeLayoutData): SafeHtml
  unit(data: UnitLayoutData): SafeHtml
  page(data: PageLayoutData): SafeHtml
  /** Folder whose files are copied into the site under `assets/theme/`. */
  assetsDir: string
  /** Stylesheets inside `assetsDir`, in order, relative to it. */
  stylesheets: string[]
}
