import {html, type SafeHtml} from '../../../src/render/layout/html.js'
import type {LayoutContext, PageNav, UnitLayoutData} from '../../../src/render/layout/types.js'
import {kindBadge, studyTimeBadge} from './badges.js'
import {renderBreadcrumb} from './breadcrumb.js'
import {renderDocument} from './base.js'
import {formatPageCount, formatStudyTime, homeLink, link} from './format.js'
import {releaseLabel} from './nav.js'

/**
 * A unit's overview page: title, summary and study time; its learning
 * outcomes; its own introduction; the list of its pages with their kind and
 * study time; and a link back to the course home.
 */
export function renderUnit(data: UnitLayoutData): SafeHtml {
  const {unit} = data
  const main = html`${renderBreadcrumb(data, unit)}
<header class="page-header">
<h1>${unit.title}</h1>
${unit.summary ? html`<p class="lead">${unit.summary}</p>` : ''}
<p class="page-meta">${unit.releasesOn ? html`<span class="badge badge-release">${releaseLabel(unit, data.course.language)}</span>` : ''}${studyTimeBadge(unit.studyTime)}<span class="badge badge-count">${formatPageCount(unit.pages.length)}</span></p>
${unit.activities ? html`<p class="unit-activities">Includes ${formatActivities(unit.activities)}</p>` : ''}
</header>
${unit.learningOutcomes.length > 0 ? renderOutcomes(unit.learningOutcomes) : ''}
${data.intro ? html`<div class="prose unit-intro">\n${data.intro}\n</div>` : ''}
<section class="unit-pages" aria-labelledby="unit-pages-title">
<h2 id="unit-pages-title">In this unit</h2>
<ol class="page-list">
${unit.pages.map((page) => renderPageEntry(data, page))}</ol>
</section>
<p class="back-link"><a href="${homeLink(data)}"><span aria-hidden="true">← </span>Course home</a></p>`
  return renderDocument(data, {layout: 'unit', title: unit.title, main})
}

function renderOutcomes(outcomes: string[]): SafeHtml {
  return html`<section class="learning-outcomes" aria-labelledby="learning-outcomes-title">
<h2 id="learning-outcomes-title">Learning outcomes</h2>
<p>After studying this unit, you should be able to:</p>
<ul>
${outcomes.map((outcome) => html`<li>${outcome}</li>\n`)}</ul>
</section>`
}

function renderPageEntry(ctx: LayoutContext, page: PageNav): SafeHtml {
  return html`<li class="page-list-item">
<a class="page-list-title" href="${link(ctx, page.href)}">${page.title}</a>
<span class="page-list-meta">${kindBadge(page.kind)}${studyTimeBadge(page.studyTime)}</span>
</li>
`
}

/** `3 activities, 1 h 5 min` (the minutes left out when no activity gives a timing). */
function formatActivities(activities: {count: number; minutes: number}): string {
  const count = `${activities.count} ${activities.count === 1 ? 'activity' : 'activities'}`
  return activities.minutes > 0 ? `${count}, ${formatStudyTime(activities.minutes)}` : count
}
