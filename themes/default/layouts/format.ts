import type {CourseData, LayoutContext, PageNav} from '../../../src/render/layout/types.js'

/** A study time in minutes as readers say it: `45 min`, `2 h`, `3 h 30 min`. */
export function formatStudyTime(minutes: number): string {
  const total = Math.max(0, Math.round(minutes))
  const hours = Math.floor(total / 60)
  const rest = total % 60
  if (hours === 0) return `${rest} min`
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`
}

/** What a page is, in words for readers: a notebook or a reading. */
export function formatKind(kind: PageNav['kind']): string {
  return kind === 'notebook' ? 'Notebook' : 'Reading'
}

/** `1 page`, `3 pages`. */
export function formatPageCount(count: number): string {
  return `${count} ${count === 1 ? 'page' : 'pages'}`
}

/** Names joined the way the course's language joins a list (`A, B and C`). */
export function formatList(items: string[], language: string): string {
  try {
    return new Intl.ListFormat(language, {type: 'conjunction'}).format(items)
  } catch {
    // An invalid language tag in the course metadata must not break the page.
    return items.join(', ')
  }
}

/** The document title: `Page title · CODE Course title`, or just the course on its home page. */
export function formatDocumentTitle(course: CourseData, title?: string): string {
  const courseTitle = `${course.code} ${course.title}`
  return title ? `${title} · ${courseTitle}` : courseTitle
}

/** A site-root-relative href made relative to the page being written. */
export function link(ctx: LayoutContext, href: string): string {
  return ctx.root + href
}

/** The href of the course home page, relative to the page being written. */
export function homeLink(ctx: LayoutContext): string {
  // `index.html` rather than the bare folder, so links work from `file://`.
  return link(ctx, 'index.html')
}
