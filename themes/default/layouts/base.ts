import {html, type SafeHtml} from '../../../src/render/layout/html.js'
import type {LayoutContext} from '../../../src/render/layout/types.js'
import {formatDocumentTitle, formatList, homeLink, link} from './format.js'
import {renderNav} from './nav.js'

/** What a layout puts into the document shell. */
export interface DocumentParts {
  /** Names the layout on `<body>` (`layout-home`, …) for layout-specific styles. */
  layout: 'home' | 'unit' | 'page' | 'search' | 'glossary'
  /** The page's own title; omitted on the home page, whose title is the course's. */
  title?: string
  /** The content of `<main>`. */
  main: SafeHtml
  /** The in-page table of contents; the `<aside>` is left out when it is empty. */
  toc?: SafeHtml
}

/**
 * The document shell every layout shares: head, skip link, site header, course
 * navigation, `<main id="main">`, the table of contents in an `<aside>`, and a
 * footer naming the presentation and authors. Every href is prefixed with
 * `ctx.root`; `ctx.bodyEnd` goes last in `<body>`.
 */
export function renderDocument(ctx: LayoutContext, parts: DocumentParts): SafeHtml {
  const {course} = ctx
  const toc = parts.toc && parts.toc.value !== '' ? parts.toc : undefined
  return html`<!doctype html>
<html lang="${course.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${formatDocumentTitle(course, parts.title)}</title>
${course.description ? html`<meta name="description" content="${course.description}">\n` : ''}${ctx.stylesheets.map((href) => html`<link rel="stylesheet" href="${link(ctx, href)}">\n`)}${ctx.feed ? html`<link rel="alternate" type="application/atom+xml" title="${course.code} ${course.title}" href="${link(ctx, ctx.feed)}">\n` : ''}</head>
<body class="layout-${parts.layout}">
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<a class="site-brand" href="${homeLink(ctx)}">${ctx.brand ? html`<img class="site-logo" src="${link(ctx, ctx.brand.logo)}" alt="${ctx.brand.logoAlt}">` : ''}<span class="site-code">${course.code}</span> <span class="site-title">${course.title}</span></a>
${ctx.search ? renderSearchBox(ctx, ctx.search) : ''}</header>
<div class="site-shell${toc ? ' has-toc' : ''}">
${renderNav(ctx)}
<main id="main" class="site-main" tabindex="-1">
${parts.main}
</main>
${toc ? html`<aside class="site-toc" aria-label="On this page">\n${toc}\n</aside>\n` : ''}</div>
${renderFooter(ctx)}
${ctx.bodyEnd ?? ''}
</body>
</html>
`
}

/** A plain GET form to the search page: it needs no script on the page it sits on. */
function renderSearchBox(ctx: LayoutContext, href: string): SafeHtml {
  return html`<form class="site-search" action="${link(ctx, href)}" method="get" role="search">
<label class="visually-hidden" for="site-search-query">Search the course</label>
<input id="site-search-query" type="search" name="q" placeholder="Search the course" autocomplete="off">
<button type="submit">Search</button>
</form>
`
}

function renderFooter(ctx: LayoutContext): SafeHtml {
  const {course} = ctx
  return html`<footer class="site-footer">
<p class="site-footer-course"><span class="site-code">${course.code}</span> ${course.title}${course.presentation ? html` <span class="site-footer-presentation">· Presentation ${course.presentation}</span>` : ''}</p>
${course.authors.length > 0 ? html`<p class="site-footer-authors">By ${formatList(course.authors, course.language)}</p>` : ''}
</footer>`
}
