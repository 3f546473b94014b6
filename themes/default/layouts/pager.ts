import {html, type SafeHtml} from '../../../src/render/layout/html.js'
import type {LayoutContext, PageNav} from '../../../src/render/layout/types.js'
import {link} from './format.js'

/** Links to the previous and next pages in course order (`rel="prev"`/`rel="next"`), or nothing. */
export function renderPager(ctx: LayoutContext, prev?: PageNav, next?: PageNav): SafeHtml {
  if (!prev && !next) return html``
  return html`<nav class="pager" aria-label="Previous and next pages">
${prev ? html`<a class="pager-link pager-prev" rel="prev" href="${link(ctx, prev.href)}"><span class="pager-label">Previous</span><span class="pager-title">${prev.title}</span></a>` : ''}
${next ? html`<a class="pager-link pager-next" rel="next" href="${link(ctx, next.href)}"><span class="pager-label">Next</span><span class="pager-title">${next.title}</span></a>` : ''}
</nav>`
}
