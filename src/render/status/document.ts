import {html, type SafeHtml} from '../layout/html.js'
import {progressBar} from './bar.js'
import {statusFormat, type StatusFormat} from './format.js'
import {PROBLEM_KINDS, PROBLEM_LABELS, type ProblemKind} from './problems.js'
import type {CourseStatus, PageStatus, UnitStatus} from './model.js'

export interface StatusDocumentOptions {
  code: string
  title: string
  language: string
  /** Site-root-relative stylesheets (the theme's). */
  stylesheets: string[]
}

/** The page's file name, at the site root. Nothing in the student site links to it. */
export const STATUS_PAGE = 'status.html'

/**
 * The course status page for the course team: per unit and page, the words
 * written against the target, the `status` badge, study time against the
 * unit's, problems by kind and the last change in git. Plain HTML styled by
 * the theme's stylesheet: no scripts, nothing fetched from elsewhere, and
 * `noindex` for search engines. It sits at the site root, so every href is
 * the site-root-relative one.
 */
export function renderStatusDocument(status: CourseStatus, options: StatusDocumentOptions): string {
  const f = statusFormat(options.language)
  return html`<!doctype html>
<html lang="${options.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex, nofollow">
<title>Course status · ${options.code} ${options.title}</title>
${options.stylesheets.map((href) => html`<link rel="stylesheet" href="${href}">\n`)}</head>
<body class="layout-status">
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<a class="site-brand" href="index.html"><span class="site-code">${options.code}</span> <span class="site-title">${options.title}</span></a>
</header>
<main id="main" class="status-page" tabindex="-1">
<header class="page-header">
<p class="eyebrow">For the course team</p>
<h1>Course status</h1>
${renderSummary(status, f)}
</header>
${status.units.map((unit) => renderUnit(unit, f))}
</main>
</body>
</html>
`.value
}

function renderSummary(status: CourseStatus, f: StatusFormat): SafeHtml {
  const statuses = [...status.statuses].sort(([a], [b]) => statusOrder(a) - statusOrder(b))
  return html`<dl class="status-summary">
<div><dt>Words</dt><dd>${courseWords(status, f)}</dd></div>
<div><dt>Pages</dt><dd class="status-badges">${statuses.map(([name, count]) => html`${badge(name === 'none' ? undefined : name)} <span class="status-badge-count">${f.number(count)}</span> `)}</dd></div>
<div><dt>Problems</dt><dd>${problemList(status.problems, f)}</dd></div>
${PROBLEM_KINDS.some((kind) => status.elsewhere[kind] > 0) ? html`<div class="status-elsewhere"><dt>Not on a page (config, unit metadata)</dt><dd>${problemList(status.elsewhere, f)}</dd></div>
` : ''}</dl>`
}

function renderUnit(unit: UnitStatus, f: StatusFormat): SafeHtml {
  const time =
    unit.studyTimeTarget !== undefined
      ? progressBar(unit.studyTime, unit.studyTimeTarget, f.progress(unit.studyTime, unit.studyTimeTarget, 'min'))
      : html`${f.minutes(unit.studyTime)} <span class="status-muted">(no unit target)</span>`
  return html`<section class="status-unit" id="unit-${unit.slug}" aria-labelledby="unit-${unit.slug}-title">
<h2 id="unit-${unit.slug}-title"><a href="${unit.href}">${unit.title}</a></h2>
<dl class="status-summary">
<div><dt>Words</dt><dd>${words(unit.words, unit.targetWords, f)}</dd></div>
<div><dt>Study time</dt><dd>${time}</dd></div>
</dl>
<div class="table-wrap">
<table class="status-table">
<caption class="visually-hidden">Pages of ${unit.title}</caption>
<thead><tr><th scope="col">Page</th><th scope="col">Status</th><th scope="col">Words</th><th scope="col">Study time</th>${PROBLEM_KINDS.map((kind) => html`<th scope="col" class="status-problem-head">${PROBLEM_LABELS[kind]}</th>`)}<th scope="col">Last change</th></tr></thead>
<tbody>
${unit.pages.map((page) => renderPageRow(page, f))}</tbody>
</table>
</div>
</section>
`
}

function renderPageRow(page: PageStatus, f: StatusFormat): SafeHtml {
  const written =
    page.words === undefined ? html`<span class="status-muted">not built</span>` : page.targetWords === undefined ? f.number(page.words) : words(page.words, page.targetWords, f)
  return html`<tr>
<th scope="row"><a href="${page.href}">${page.title}</a> <span class="status-muted status-path">${page.relPath}</span></th>
<td>${badge(page.status)}</td>
<td class="status-words">${written}</td>
<td>${page.studyTime === undefined ? html`<span class="status-muted">—</span>` : f.minutes(page.studyTime)}</td>
${PROBLEM_KINDS.map((kind) => problemCell(kind, page.problems[kind], f))}
<td>${page.lastChange ? html`<time datetime="${page.lastChange}">${f.date(page.lastChange)}</time>` : html`<span class="status-muted">—</span>`}</td>
</tr>
`
}

function words(count: number, target: number | undefined, f: StatusFormat): SafeHtml {
  if (target === undefined) return html`${f.number(count)} <span class="status-muted">(no target)</span>`
  return progressBar(count, target, f.progress(count, target, 'words'))
}

/** The course's words: against the targets when every unit has one, else the total and, apart, the units with targets. */
function courseWords(status: CourseStatus, f: StatusFormat): SafeHtml {
  if (status.targetWords === undefined || status.targetedWords === status.words) return words(status.words, status.targetWords, f)
  const bar = progressBar(status.targetedWords, status.targetWords, `${f.progress(status.targetedWords, status.targetWords, 'words')} in the units with a target`)
  return html`${f.number(status.words)} in all; ${bar}`
}

function problemCell(kind: ProblemKind, count: number, f: StatusFormat): SafeHtml {
  return count === 0
    ? html`<td class="status-problems" data-kind="${kind}"><span class="status-muted">0</span></td>`
    : html`<td class="status-problems status-problems-some" data-kind="${kind}"><strong>${f.number(count)}</strong></td>`
}

function problemList(problems: Record<ProblemKind, number>, f: StatusFormat): SafeHtml {
  const some = PROBLEM_KINDS.filter((kind) => problems[kind] > 0)
  if (some.length === 0) return html`None`
  return html`<ul class="status-problem-list">${some.map((kind) => html`<li data-kind="${kind}">${PROBLEM_LABELS[kind]}: <strong>${f.number(problems[kind])}</strong></li>`)}</ul>`
}

const KNOWN_STATUSES = ['draft', 'review', 'final']

/** A badge for a page's `status`; known statuses have their own colour, others are shown as written. */
function badge(status: string | undefined): SafeHtml {
  if (!status) return html`<span class="badge status-badge status-none">no status</span>`
  const known = KNOWN_STATUSES.includes(status) ? status : 'other'
  return html`<span class="badge status-badge status-${known}">${status}</span>`
}

function statusOrder(status: string): number {
  const at = KNOWN_STATUSES.indexOf(status)
  return at === -1 ? (status === 'none' ? 99 : 50) : at
}
