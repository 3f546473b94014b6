import {html, type SafeHtml} from '../../../src/render/layout/html.js'
import type {HomeLayoutData, LayoutContext, UnitNav} from '../../../src/render/layout/types.js'
import {studyTimeBadge} from './badges.js'
import {renderDocument} from './base.js'
import {formatList, formatPageCount, formatStudyTime, link} from './format.js'
import {releaseLabel} from './nav.js'

/**
 * The course home page: code, title, presentation and description; authors
 * and total study time; the course's own introduction; then every unit as a
 * card with its summary, study time and number of pages.
 */
export function renderHome(data: HomeLayoutData): SafeHtml {
  const {course} = data
  const main = html`<header class="course-hero">
<p class="eyebrow"><span class="site-code">${course.code}</span>${course.presentation ? html` · Presentation ${course.presentation}` : ''}</p>
<h1>${course.title}</h1>
${course.description ? html`<p class="lead">${course.description}</p>` : ''}
<dl class="course-facts">
${course.studyTime === undefined ? '' : html`<div><dt>Study time</dt><dd>${formatStudyTime(course.studyTime)}</dd></div>`}
<div><dt>Units</dt><dd>${data.units.length}</dd></div>
${data.glossaryHref ? html`<div><dt>Glossary</dt><dd><a href="${link(data, data.glossaryHref)}">Terms used in the course</a></dd></div>` : ''}
${course.authors.length > 0 ? html`<div><dt>${course.authors.length === 1 ? 'Author' : 'Authors'}</dt><dd>${formatList(course.authors, course.language)}</dd></div>` : ''}
</dl>
</header>
${data.intro ? html`<div class="prose course-intro">\n${data.intro}\n</div>` : ''}
<section class="course-units" aria-labelledby="course-units-title">
<h2 id="course-units-title">Units</h2>
<ol class="unit-cards">
${data.units.map((unit) => renderUnitCard(data, unit))}</ol>
</section>`
  return renderDocument(data, {layout: 'home', main})
}

function renderUnitCard(ctx: LayoutContext, unit: UnitNav): SafeHtml {
  return html`<li class="unit-card">
<h3 class="unit-card-title"><a href="${link(ctx, unit.href)}">${unit.title}</a></h3>
${unit.summary ? html`<p class="unit-card-summary">${unit.summary}</p>` : ''}
<p class="unit-card-meta">${unit.releasesOn ? html`<span class="badge badge-release">${releaseLabel(unit, ctx.course.language)}</span>` : ''}${studyTimeBadge(unit.studyTime)}<span class="badge badge-count">${formatPageCount(unit.pages.length)}</span></p>
</li>
`
}
