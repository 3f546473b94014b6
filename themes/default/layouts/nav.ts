import {html, type SafeHtml} from '../../../src/render/layout/html.js'
import type {LayoutContext, UnitNav} from '../../../src/render/layout/types.js'
import {homeLink, link} from './format.js'

/**
 * The course navigation: the home page, then every unit with its overview and
 * pages, then the course glossary when there is one. The page being written gets `aria-current="page"`, and its unit is
 * the one open. Each unit is a `<details>`, and the whole list sits in a
 * `<details>` menu that narrow screens show collapsed, so none of it needs
 * JavaScript.
 */
export function renderNav(ctx: LayoutContext): SafeHtml {
  const onHome = ctx.href === 'index.html'
  return html`<nav class="course-nav" aria-label="Course">
<details class="course-nav-menu">
<summary class="course-nav-toggle">Course contents</summary>
<div class="course-nav-body">
<a class="course-nav-home" href="${homeLink(ctx)}"${current(onHome)}>Course home</a>
<ol class="course-nav-units">
${ctx.units.map((unit) => renderUnitEntry(ctx, unit))}
</ol>
${ctx.glossaryHref ? html`<a class="course-nav-glossary" href="${link(ctx, ctx.glossaryHref)}"${current(ctx.href === ctx.glossaryHref)}>Glossary</a>\n` : ''}</div>
</details>
</nav>`
}

function renderUnitEntry(ctx: LayoutContext, unit: UnitNav): SafeHtml {
  const open = ctx.href === unit.href || unit.pages.some((page) => page.href === ctx.href)
  return html`<li class="course-nav-unit">
<details${open ? html` open` : ''}>
<summary>${unit.releasesOn ? html`<span>${unit.title} <span class="course-nav-release">${releaseLabel(unit, ctx.course.language)}</span></span>` : unit.title}</summary>
<ol class="course-nav-pages">
<li><a href="${link(ctx, unit.href)}"${current(ctx.href === unit.href)}>Overview</a></li>
${unit.pages.map((page) => html`<li><a href="${link(ctx, page.href)}"${current(ctx.href === page.href)}>${page.title}</a></li>
`)}</ol>
</details>
</li>
`
}

/**
 * `Releases on 5 October 2026` for a unit a tutor or team build shows before
 * its release, in the course's language; '' for a released unit.
 */
export function releaseLabel(unit: UnitNav, language: string): string {
  if (!unit.releasesOn) return ''
  const date = new Date(unit.releasesOn)
  const options: Intl.DateTimeFormatOptions = {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'}
  let day: string
  try {
    day = new Intl.DateTimeFormat(language, options).format(date)
  } catch {
    // An invalid language tag in the course metadata must not break the page.
    day = new Intl.DateTimeFormat('en-GB', options).format(date)
  }
  return `Releases on ${day}`
}

function current(isCurrent: boolean): SafeHtml {
  return isCurrent ? html` aria-current="page"` : html``
}
