import {html, type SafeHtml} from '../../../src/render/layout/html.js'
import type {LayoutContext, UnitNav} from '../../../src/render/layout/types.js'
import {homeLink, link} from './format.js'

/**
 * The trail from the course home to this page: Course › Unit › Page. Every
 * step but the last is a link; the last is the page itself, as text (the
 * course navigation is what marks the current page with `aria-current`).
 */
export function renderBreadcrumb(ctx: LayoutContext, unit: UnitNav, pageTitle?: string): SafeHtml {
  return html`<nav class="breadcrumb" aria-label="Breadcrumb">
<ol>
<li><a href="${homeLink(ctx)}">${ctx.course.code}</a></li>
<li>${pageTitle === undefined ? unit.title : html`<a href="${link(ctx, unit.href)}">${unit.title}</a>`}</li>
${pageTitle === undefined ? '' : html`<li>${pageTitle}</li>`}
</ol>
</nav>`
}
