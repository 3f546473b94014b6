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
  /** The course's logo (site-root-relative) and its alt text, from `theme.logo`; absent without one. */
  brand?: {logo: string; logoAlt: string}
  /** Site-root-relative href of the search page, when the site has one (the header shows a search box). */
  search?: string
  /** Site-root-relative href of the course's Atom feed, when it is written (linked from `<head>`). */
  feed?: string
  /** Site-root-relative href of the course glossary page, when the course defines glossary terms. */
  glossaryHref?: string
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
  /** The unit's activities: how many, and their timings summed in minutes (absent when it has none). */
  activities?: {count: number; minutes: number}
  /**
   * ISO date and time the unit is released, set only in tutor and team builds
   * for a unit not yet released when the site was built (student builds leave such units out).
   */
  releasesOn?: string
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
    /**
     * Where a reader can run the page, in the course's order, each with its
     * link text and absolute URL: the first is the main button, the rest are
     * alternatives. Absent when the page has no launch link.
     */
    launch?: Array<{type: 'binder' | 'jupyterhub' | 'jupyterlite' | 'colab'; label: string; url: string}>
    /** Site-root-relative href of the downloadable `.ipynb`. */
    downloadHref?: string
    /** Merged metadata (course → unit → page). */
    meta: Record<string, unknown>
    studyTime?: number
  }
  prev?: PageNav
  next?: PageNav
}

export interface SearchLayoutData extends LayoutContext {
  /** Site-root-relative scripts the search page runs, in order: the search library, the index, the theme's search script. */
  scripts: string[]
}

export interface GlossaryLayoutData extends LayoutContext {
  /** Every term of the course in alphabetical order, with its id on this page and where it is defined. */
  terms: Array<{
    term: string
    /** `term-<slug>`: the fragment `{term}` references link to. */
    id: string
    /** The definition, rendered; trusted. */
    definition: SafeHtml
    /** The page that defines it: its title and site-root-relative href (with the term's fragment). */
    definedIn: {title: string; href: string}
  }>
}

/** A theme: one function per layout, each returning a complete HTML document. */
export interface Theme {
  home(data: HomeLayoutData): SafeHtml
  unit(data: UnitLayoutData): SafeHtml
  page(data: PageLayoutData): SafeHtml
  /** The search page; a theme without one gets no search. */
  search?(data: SearchLayoutData): SafeHtml
  /** The course glossary page (`glossary.html`); a theme without one gets none. */
  glossary?(data: GlossaryLayoutData): SafeHtml
  /** A theme this one builds on: its assets are copied first (this theme's files of the same name win) and its stylesheets linked first. */
  parent?: Theme
  /** Folder whose files are copied into the site under `assets/theme/`. */
  assetsDir: string
  /** Stylesheets inside `assetsDir`, in order, relative to it. */
  stylesheets: string[]
  /** Set from the config: the course's logo. */
  brand?: {logo: string; logoAlt: string}
  /** Set from the config: files the course adds to the site (logo, colour tokens, its stylesheets), site-root-relative. */
  extraFiles?: Array<{outPath: string; copyFrom?: string; data?: string}>
  /** Set from the config: site-root-relative stylesheets linked after the theme's own. */
  extraStylesheets?: string[]
}
