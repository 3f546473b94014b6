import {html, type SafeHtml} from '../../../src/render/layout/html.js'
import type {PageLayoutData} from '../../../src/render/layout/types.js'
import {kindBadge, studyTimeBadge} from './badges.js'
import {renderBreadcrumb} from './breadcrumb.js'
import {renderDocument} from './base.js'
import {renderLaunch} from './launch.js'
import {renderPager} from './pager.js'
import {renderToc} from './toc.js'

/**
 * A notebook or Markdown page: breadcrumb, title with kind and study time, the
 * launch and download links, the rendered body, and previous/next links; its
 * headings make the table of contents beside it.
 */
export function renderPage(data: PageLayoutData): SafeHtml {
  const {page} = data
  const main = html`${renderBreadcrumb(data, data.unit, page.title)}
<article class="page page-${page.kind}">
<header class="page-header">
<h1>${page.title}</h1>
<p class="page-meta">${kindBadge(page.kind)}${studyTimeBadge(page.studyTime)}</p>
${renderLaunch(data)}
</header>
<div class="prose page-body">
${page.body}
</div>
</article>
${renderPager(data, data.prev, data.next)}`
  return renderDocument(data, {layout: 'page', title: page.title, main, toc: renderToc(page.headings)})
}
